using Coordination.Shared.Data;

namespace Coordination.PeerReview.Data;

internal enum RoundType
{
    Peer,
    Expert,
    RoundTable,
}

/// <summary>A review round: its type, window, how many reviewers each submission gets (k), the
/// most reviews one reviewer is given, and the criteria form. A round table is an evaluation
/// session linked to an event.</summary>
internal sealed class Round
{
    public Guid Id { get; set; }

    public Guid? NetworkId { get; set; }

    public string Name { get; set; } = "";

    public RoundType Type { get; set; }

    public int ReviewersPerSubmission { get; set; }

    public int MaxReviewsPerReviewer { get; set; }

    public DateTime? OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    /// <summary>Whether the project sees who wrote each review.</summary>
    public bool ShowReviewerNames { get; set; }

    public Guid? EventId { get; set; }

    public List<Criterion> Criteria { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsOpen(DateTime now) => (OpensAt is null || OpensAt <= now) && (ClosesAt is null || ClosesAt > now);
}

/// <summary>A criterion scored 1–5, with the rubric text of each level (Rubric[0] is level 1).</summary>
internal sealed record Criterion(string Key, string Title, IReadOnlyList<string> Rubric);

/// <summary>A model in a round, with the card as it was submitted (later edits do not change
/// what the reviewers read), the coordinator's consolidated feedback and, in a round table,
/// the session's notes and outcome.</summary>
internal sealed class Submission : IModelCard
{
    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid ModelId { get; set; }

    public Guid? ProjectId { get; set; }

    public List<Guid> OrganisationIds { get; set; } = [];

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Challenge { get; set; } = new();

    public LocalizedText Method { get; set; } = new();

    public LocalizedText Result { get; set; } = new();

    public int ModelVersion { get; set; }

    public DateTime SubmittedAt { get; set; }

    public string? Feedback { get; set; }

    public DateTime? FeedbackReleasedAt { get; set; }

    public string? RoundTableNotes { get; set; }

    public string? RoundTableOutcome { get; set; }
}

/// <summary>A person who reviews in a round: from the directory (volunteered or named by a
/// coordinator) or an outside expert; with their project, organisations and declared conflicts.</summary>
internal sealed class Reviewer
{
    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid? PersonId { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>fi, sv or en: the language of their notices and reminders.</summary>
    public string Language { get; set; } = "fi";

    public Guid? ProjectId { get; set; }

    public List<Guid> OrganisationIds { get; set; } = [];

    public List<Guid> ConflictProjectIds { get; set; } = [];

    public List<Guid> ConflictOrganisationIds { get; set; } = [];

    public bool Volunteered { get; set; }

    public DateTime AddedAt { get; set; }
}

/// <summary>A reviewer given a submission: by the automatic assignment or by hand. Reminder
/// times make each reminder go once.</summary>
internal sealed class Assignment
{
    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid SubmissionId { get; set; }

    public Guid ReviewerId { get; set; }

    public bool Manual { get; set; }

    public DateTime AssignedAt { get; set; }

    public DateTime? WeekReminderAt { get; set; }

    public DateTime? DayReminderAt { get; set; }
}

internal enum ReviewStatus
{
    Draft,
    Submitted,
}

/// <summary>A reviewer's review of one assignment (same id): a score per criterion and the
/// written parts. Drafts are saved; a submitted review is final.</summary>
internal sealed class Review
{
    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid SubmissionId { get; set; }

    public Dictionary<string, int> Scores { get; set; } = [];

    public string Strengths { get; set; } = "";

    public string Suggestions { get; set; } = "";

    public string Transferability { get; set; } = "";

    public ReviewStatus Status { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }
}
