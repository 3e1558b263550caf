namespace Coordination.Surveys.Data;

/// <summary>A network as Surveys knows it from Membership's NetworkCreated.</summary>
internal sealed class KnownNetwork
{
    public Guid NetworkId { get; set; }

    public string NameFi { get; set; } = "";

    public string? NameSv { get; set; }

    public string? NameEn { get; set; }
}

/// <summary>A project of a network (ProjectJoinedNetwork/ProjectUpdated), for audiences and breakdowns.</summary>
internal sealed class KnownProject
{
    public Guid ProjectId { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public string? Acronym { get; set; }

    /// <summary>The project's organisations (Membership's current list), those a follow-up asks.</summary>
    public List<KnownOrganisation> Organisations { get; set; } = [];

    /// <summary>The project's end date once Membership said it ended (ProjectEnded).</summary>
    public DateOnly? EndedOn { get; set; }

    public string Label => string.IsNullOrWhiteSpace(Acronym) ? Name : $"{Acronym} – {Name}";
}

/// <summary>A person of the directory with their roles, for audiences (PersonRegistered/Updated;
/// removed on PersonErased).</summary>
internal sealed class KnownPerson
{
    public Guid PersonId { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Language { get; set; } = "fi";

    public Guid? OrganisationId { get; set; }

    public List<KnownRole> Roles { get; set; } = [];
}

internal sealed record KnownOrganisation(Guid OrganisationId, string Name, bool IsLead);

internal sealed record KnownRole(string Role, Guid? ProjectId, Guid? NetworkId);

/// <summary>A held event and its attendees (EventHeld), an audience for feedback.</summary>
internal sealed class KnownEvent
{
    public Guid EventId { get; set; }

    public Guid NetworkId { get; set; }

    public string TitleFi { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public List<KnownAttendee> Attendees { get; set; } = [];
}

internal sealed record KnownAttendee(string Email, string Name);
