namespace Coordination.Membership.Data;

/// <summary>A goal of a network or of a project in the funder's four parts.</summary>
internal sealed class Goal
{
    public Guid Id { get; set; }

    public Guid? NetworkId { get; set; }

    public Guid? ProjectId { get; set; }

    public string? FocusArea { get; set; }

    public string Objective { get; set; } = "";

    public string? Activities { get; set; }

    public string? Results { get; set; }

    public string? Monitoring { get; set; }

    public DateTime? LastReviewedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<GoalRevision> Revisions { get; set; } = [];

    /// <summary>Goals not reviewed in this long are flagged.</summary>
    public static readonly TimeSpan ReviewInterval = TimeSpan.FromDays(183);

    public bool NeedsReview(DateTime now) => (LastReviewedAt ?? CreatedAt) < now - ReviewInterval;
}

/// <summary>The goal as it was before an edit.</summary>
internal sealed class GoalRevision
{
    public Guid Id { get; set; }

    public Guid GoalId { get; set; }

    public int Version { get; set; }

    public string? FocusArea { get; set; }

    public string Objective { get; set; } = "";

    public string? Activities { get; set; }

    public string? Results { get; set; }

    public string? Monitoring { get; set; }

    public DateTime EditedAt { get; set; }

    public string? EditedBy { get; set; }
}
