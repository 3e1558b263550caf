using Coordination.Shared.Data;

namespace Coordination.Dissemination.Data;

internal enum ModelStatus
{
    Draft,
    Published,
}

/// <summary>A model card of the method bank: the challenge, the method and the result, in
/// fi/sv/en. It belongs to a project, or to the network itself (no project) when coordinators
/// write it. Every save keeps a version; the public sees only published models.</summary>
internal sealed class Model : ISearchable
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    public Guid? ProjectId { get; set; }

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Challenge { get; set; } = new();

    public LocalizedText Method { get; set; } = new();

    public LocalizedText Result { get; set; } = new();

    public LocalizedText TargetGroup { get; set; } = new();

    public LocalizedText ResourcesNeeded { get; set; } = new();

    public List<string> Themes { get; set; } = [];

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public List<ModelLink> Links { get; set; } = [];

    public ModelStatus Status { get; set; }

    /// <summary>The number of saves; also the optimistic concurrency token.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? PeerReviewedAt { get; set; }

    public DateTime? ExpertReviewedAt { get; set; }

    /// <summary>The latest follow-up (Surveys' ModelFollowedUp): months after the project's end,
    /// when it was last answered, the use reported (inUse, partly, noLonger, dontKnow), the
    /// project's organisations using it of all, and why it is no longer used.</summary>
    public Guid? FollowUpWaveId { get; set; }

    public int? FollowUpMonths { get; set; }

    public DateTime? FollowUpAt { get; set; }

    public string? FollowUpUse { get; set; }

    public int? FollowUpInUse { get; set; }

    public int? FollowUpOrganisations { get; set; }

    public string? FollowUpReason { get; set; }

    /// <summary>In use (or partly) at the latest follow-up: the method bank's "still in use" mark.</summary>
    public bool StillInUse => FollowUpUse is "inUse" or "partly";

    public DateTime? SubmittedForReviewAt { get; set; }

    /// <summary>All the card's texts in every language, for search (kept by the saver).</summary>
    public string SearchText { get; set; } = "";

    public List<ModelAttachment> Attachments { get; set; } = [];
}

internal sealed record ModelLink(string Title, string Url);

/// <summary>One theme of a model in lower case (<see cref="Key"/>), a row of its own so that the
/// theme filter reads an index on (Theme, ModelId) instead of every card's themes. Kept in step
/// with <see cref="Model.Themes"/> by the saver.</summary>
internal sealed class ModelTheme
{
    public Guid ModelId { get; set; }

    public string Theme { get; set; } = "";

    /// <summary>The form a theme is kept and looked up in: trimmed, lower case.</summary>
    public static string Key(string theme) => theme.Trim().ToLowerInvariant();
}

/// <summary>A saved state of a model (the card as JSON) for its history.</summary>
internal sealed class ModelVersion
{
    public Guid Id { get; set; }

    public Guid ModelId { get; set; }

    public int Version { get; set; }

    public string SnapshotJson { get; set; } = "";

    public string Action { get; set; } = "";

    public DateTime SavedAt { get; set; }

    public string? SavedBy { get; set; }
}

/// <summary>A file attached to a model (kept in the database: it survives with the model and
/// needs no shared disk between instances).</summary>
internal sealed class ModelAttachment
{
    public Guid Id { get; set; }

    public Guid ModelId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];

    public DateTime UploadedAt { get; set; }
}

internal enum RelationKind
{
    BuildsOn,
    Complements,
    AlternativeTo,
}

/// <summary>How one model relates to another (drawn on the theme pages).</summary>
internal sealed class ModelRelation
{
    public Guid Id { get; set; }

    public Guid FromModelId { get; set; }

    public Guid ToModelId { get; set; }

    public RelationKind Kind { get; set; }
}
