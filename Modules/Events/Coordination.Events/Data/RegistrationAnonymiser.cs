namespace Coordination.Events.Data;

/// <summary>Anonymises a registration: the name, address, organisation and needs go; the seat,
/// status and attendance stay, so the counts do.</summary>
internal static class RegistrationAnonymiser
{
    public const string Prefix = "erased-";

    public static void Anonymise(Registration registration)
    {
        registration.Name = "–";
        registration.Email = $"{Prefix}{registration.Id:N}";
        registration.Organisation = null;
        registration.Needs = null;
    }
}
