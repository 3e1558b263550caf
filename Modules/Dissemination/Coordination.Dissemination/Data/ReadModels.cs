namespace Coordination.Dissemination.Data;

/// <summary>A network as Dissemination knows it from Membership's NetworkCreated.</summary>
internal sealed class KnownNetwork
{
    public Guid NetworkId { get; set; }

    public string NameFi { get; set; } = "";

    public string? NameSv { get; set; }

    public string? NameEn { get; set; }
}

/// <summary>A project with its organisations (ProjectJoinedNetwork/ProjectUpdated): a model card
/// names them, and its own project's people may edit it.</summary>
internal sealed class KnownProject
{
    public Guid ProjectId { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public string? Acronym { get; set; }

    public List<KnownOrganisation> Organisations { get; set; } = [];

    public string Label => string.IsNullOrWhiteSpace(Acronym) ? Name : $"{Acronym} – {Name}";
}

internal sealed record KnownOrganisation(Guid OrganisationId, string Name, bool IsLead);

/// <summary>A person of the directory with the projects they manage (for who may edit a project's models).</summary>
internal sealed class KnownPerson
{
    public Guid PersonId { get; set; }

    public string Email { get; set; } = "";

    public List<Guid> ManagedProjects { get; set; } = [];
}
