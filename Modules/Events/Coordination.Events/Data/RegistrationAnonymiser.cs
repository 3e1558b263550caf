using Microsoft.EntityFrameworkCore;

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

    /// <summary>Anonymises (tracked, not saved) the registrations of <paramref name="email"/>.</summary>
    public static async Task<int> AnonymiseAllAsync(EventsDbContext db, string email, CancellationToken ct)
    {
        var registrations = await db.Registrations.Where(r => r.Email == email).ToListAsync(ct);
        foreach (var registration in registrations)
        {
            Anonymise(registration);
        }

        return registrations.Count;
    }
}
