namespace Coordination.Surveys.Data;

/// <summary>Where a follow-up wave stands: planned (waits for its due date), sent (its
/// recipients have their links) or skipped by a coordinator (with a reason).</summary>
internal enum FollowUpStatus
{
    Planned,
    Sent,
    Skipped,
}

/// <summary>One wave of the follow-up of one published model of an ended project: asked
/// <see cref="Months"/> after the project's end. Unique per project, model and months, so
/// planning twice (a redelivered or republished <c>ProjectEnded</c>) plans nothing new.</summary>
internal sealed class FollowUpWave
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid NetworkId { get; set; }

    public Guid ModelId { get; set; }

    public int Months { get; set; }

    public DateOnly ProjectEndedOn { get; set; }

    /// <summary>The Helsinki day the daily job starts it (moved by postponing).</summary>
    public DateOnly DueOn { get; set; }

    public FollowUpStatus Status { get; set; }

    public DateTime PlannedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? SkipReason { get; set; }
}

/// <summary>A person a wave was sent to, answering for <see cref="OrganisationId"/>. Unique per
/// wave and address: the row and its mail are written in one commit, so a wave reaches each
/// person once.</summary>
internal sealed class FollowUpRecipient
{
    public Guid Id { get; set; }

    public Guid WaveId { get; set; }

    public Guid? PersonId { get; set; }

    public Guid OrganisationId { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string Language { get; set; } = "fi";

    public DateTime SentAt { get; set; }

    public DateTime? RemindedAt { get; set; }
}

/// <summary>One organisation's answer on one model in one wave (the latest answer of that
/// organisation's recipients counts).</summary>
internal sealed class FollowUpAnswer
{
    public Guid Id { get; set; }

    public Guid WaveId { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid RecipientId { get; set; }

    /// <summary>inUse, partly, noLonger or dontKnow.</summary>
    public string Use { get; set; } = "";

    /// <summary>The project's organisations where the model is in use.</summary>
    public List<Guid> InUseAt { get; set; } = [];

    /// <summary>strategy, curriculum, annualPlan.</summary>
    public List<string> RootedIn { get; set; } = [];

    public int? SpreadCount { get; set; }

    public string? SpreadNames { get; set; }

    public string? Changed { get; set; }

    public string? Helps { get; set; }

    public string? Hinders { get; set; }

    public DateTime AnsweredAt { get; set; }
}

/// <summary>A model of the method bank as Surveys knows it (ModelPublished/ModelUpdated): what a
/// follow-up asks about.</summary>
internal sealed class KnownModel
{
    public Guid ModelId { get; set; }

    public Guid NetworkId { get; set; }

    public Guid? ProjectId { get; set; }

    public string TitleFi { get; set; } = "";

    public string? TitleSv { get; set; }

    public string? TitleEn { get; set; }

    public bool Published { get; set; }
}
