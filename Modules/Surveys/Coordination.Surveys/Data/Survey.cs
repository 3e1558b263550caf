using Coordination.Shared.Data;

namespace Coordination.Surveys.Data;

/// <summary>A survey of a network. Its questions are one document (JSON column): they are read
/// and frozen together, and answers refer to them by key. Once answered, a survey is not edited
/// in place; an edit makes a new version in the same series.</summary>
internal sealed class Survey
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    /// <summary>The id of the series' first version; a new version keeps it.</summary>
    public Guid SeriesId { get; set; }

    public int Version { get; set; } = 1;

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Intro { get; set; } = new();

    /// <summary>Anonymous: nothing that links an answer to a person or an invitation is stored.</summary>
    public bool Anonymous { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    /// <summary>Reminders go to those who have not answered every N days (null: only by hand).</summary>
    public int? RemindEveryDays { get; set; }

    /// <summary>The slug of the open link (anyone with it may answer once per visit), or null.</summary>
    public string? OpenLinkSlug { get; set; }

    public string? Template { get; set; }

    /// <summary>The event whose feedback this survey collects.</summary>
    public Guid? EventId { get; set; }

    public List<Question> Questions { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>When the window closed and SurveyClosed was published.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>When a coordinator opened the survey (or scheduled it to open at <see cref="OpensAt"/>);
    /// null: a draft, which takes no answers and sends no invitations.</summary>
    public DateTime? PublishedAt { get; set; }

    public SurveyState StateAt(DateTime now)
        => ClosedAt is not null || now >= ClosesAt ? SurveyState.Closed
            : PublishedAt is null ? SurveyState.Draft
            : now < OpensAt ? SurveyState.Scheduled
            : SurveyState.Open;
}

internal enum SurveyState
{
    Draft,
    Scheduled,
    Open,
    Closed,
}

internal enum QuestionType
{
    Likert,
    Single,
    Multi,
    Text,
    Number,
}

/// <summary>One question. Likert questions that share <see cref="Matrix"/> are shown as one
/// statement matrix on the same scale; <see cref="Section"/> starts a new section.</summary>
internal sealed class Question
{
    public string Key { get; set; } = "";

    public QuestionType Type { get; set; }

    public LocalizedText Text { get; set; } = new();

    public LocalizedText? Section { get; set; }

    public string? Matrix { get; set; }

    public List<LocalizedText> Options { get; set; } = [];

    public LocalizedText? LowLabel { get; set; }

    public LocalizedText? HighLabel { get; set; }

    public bool CantSay { get; set; }

    public bool Required { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }
}

/// <summary>A personal invitation. The token in the link is the invitation id protected with the
/// site's data protection keys, so nothing secret is stored here.</summary>
internal sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid SurveyId { get; set; }

    public string Email { get; set; } = "";

    public string? Name { get; set; }

    public Guid? ProjectId { get; set; }

    public string Language { get; set; } = "fi";

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Answered (submitted). Deliberately no time: for anonymous surveys a time could be
    /// matched with a response.</summary>
    public bool Responded { get; set; }

    public DateOnly? LastRemindedOn { get; set; }

    public int Reminders { get; set; }
}

internal enum ResponseStatus
{
    Draft,
    Submitted,
}

/// <summary>A response. For anonymous surveys it has a random id, no invitation, no person and
/// no time; only the project, and that only when the project has at least the minimum group size
/// of invitees (see Anonymity/GroupRules).</summary>
internal sealed class Response
{
    public Guid Id { get; set; }

    public Guid SurveyId { get; set; }

    public ResponseStatus Status { get; set; }

    public Guid? InvitationId { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public Guid? ProjectId { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? SavedAt { get; set; }

    /// <summary>Answers of a draft (identified surveys, "save and continue later") as JSON;
    /// written to <see cref="Answer"/> rows on submission.</summary>
    public string? DraftJson { get; set; }
}

/// <summary>One answer of a submitted response. A Likert answer has Value 1–5 or CantSay; a
/// choice has Value = the option's number (1…); a multiple choice one row per chosen option
/// (Ordinal); a number its Value; open text its Text. SurveyId and ProjectId are repeated here so
/// the results are one grouped scan of one index.</summary>
internal sealed class Answer
{
    public Guid ResponseId { get; set; }

    public string QuestionKey { get; set; } = "";

    public int Ordinal { get; set; }

    public Guid SurveyId { get; set; }

    public Guid? ProjectId { get; set; }

    public double? Value { get; set; }

    public bool CantSay { get; set; }

    public string? Text { get; set; }
}
