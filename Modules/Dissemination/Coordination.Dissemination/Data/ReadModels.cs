using Coordination.Shared.Data;

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

/// <summary>A person of the directory with the projects they manage (for who may edit a project's
/// models) and every project they hold a role in (in whose name they may post).</summary>
internal sealed class KnownPerson
{
    public Guid PersonId { get; set; }

    public string Email { get; set; } = "";

    public List<Guid> ManagedProjects { get; set; } = [];

    public List<Guid> Projects { get; set; } = [];
}

/// <summary>An event as Dissemination knows it from Events' EventScheduled/EventCancelled: the
/// newsletter lists upcoming public ones. The highest Sequence seen wins.</summary>
internal sealed class KnownEvent
{
    public Guid EventId { get; set; }

    public Guid NetworkId { get; set; }

    public string Type { get; set; } = "";

    public bool IsPublic { get; set; }

    public bool Cancelled { get; set; }

    public LocalizedText Title { get; set; } = new();

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Place { get; set; }

    public bool Online { get; set; }

    public int Sequence { get; set; }
}

/// <summary>A closed survey's headline figures from Surveys' SurveyClosed, for the newsletter's
/// survey highlights: the response count and the statements with the highest means.</summary>
internal sealed class SurveyHighlight
{
    public Guid SurveyId { get; set; }

    public Guid NetworkId { get; set; }

    public LocalizedText Title { get; set; } = new();

    public int Invited { get; set; }

    public int Responses { get; set; }

    public DateTime ClosedAt { get; set; }

    public List<HighlightStatement> Statements { get; set; } = [];
}

internal sealed record HighlightStatement(string TextFi, string? TextSv, double Mean, int N);
