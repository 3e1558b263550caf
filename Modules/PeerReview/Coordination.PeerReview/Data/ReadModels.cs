using Coordination.Shared.Data;

namespace Coordination.PeerReview.Data;

/// <summary>A project with its organisations (Membership's events): reviewers are never from the
/// model's own project or any of its organisations.</summary>
internal sealed class KnownProject
{
    public Guid ProjectId { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public string? Acronym { get; set; }

    public List<Guid> OrganisationIds { get; set; } = [];

    public string Label => string.IsNullOrWhiteSpace(Acronym) ? Name : $"{Acronym} – {Name}";
}

/// <summary>A person of the directory: who may volunteer, whose project and organisation count
/// for conflicts, and which projects they manage (who reads a project's feedback).</summary>
internal sealed class KnownPerson
{
    public Guid PersonId { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public Guid? OrganisationId { get; set; }

    /// <summary>fi, sv or en: their mails are written in it.</summary>
    public string Language { get; set; } = "fi";

    public List<Guid> ProjectIds { get; set; } = [];

    public List<Guid> ManagedProjects { get; set; } = [];
}

/// <summary>A model sent to review (Dissemination's ModelSubmittedForReview): the latest card,
/// waiting to be added to a round when no round was open.</summary>
internal sealed class ReviewRequest : IModelCard
{
    public Guid ModelId { get; set; }

    public Guid NetworkId { get; set; }

    public Guid? ProjectId { get; set; }

    public List<Guid> OrganisationIds { get; set; } = [];

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Challenge { get; set; } = new();

    public LocalizedText Method { get; set; } = new();

    public LocalizedText Result { get; set; } = new();

    public int Version { get; set; }

    public DateTime RequestedAt { get; set; }
}

/// <summary>An event (Events' EventScheduled/EventCancelled): a round table is held at one.</summary>
internal sealed class KnownEvent
{
    public Guid EventId { get; set; }

    public LocalizedText Title { get; set; } = new();

    public DateTime StartsAt { get; set; }

    public bool Cancelled { get; set; }

    public int Sequence { get; set; }
}
