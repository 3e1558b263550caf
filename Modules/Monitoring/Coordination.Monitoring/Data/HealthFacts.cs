namespace Coordination.Monitoring.Data;

// The facts network health needs beyond the indicators' (Membership's rules, letters, goals and
// working groups; the statements of network surveys), and Monitoring's own health data: the
// thresholds per network and the checklist kept at the end of each month.

/// <summary>A version of a network's rules (Membership's <c>NetworkRulesChanged</c>; newest state wins).</summary>
internal sealed class RulesFact
{
    public Guid RulesId { get; set; }

    public Guid NetworkId { get; set; }

    public int Number { get; set; }

    public DateTime PublishedAt { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>An organisation accepted a version of the rules.</summary>
internal sealed class RulesAcceptanceFact
{
    public Guid RulesId { get; set; }

    public Guid OrganisationId { get; set; }

    public DateOnly AcceptedOn { get; set; }
}

/// <summary>A commitment letter (Membership's <c>CommitmentLetterSaved</c>). The signer's name is not
/// kept: SignerPersonId is enough to check their role.</summary>
internal sealed class LetterFact
{
    public Guid LetterId { get; set; }

    public Guid ProjectId { get; set; }

    public Guid OrganisationId { get; set; }

    public int TaskCount { get; set; }

    public DateOnly? SignedOn { get; set; }

    public bool SignerNamed { get; set; }

    public Guid? SignerPersonId { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>A goal of a network or a project (Membership's <c>GoalSaved</c>).</summary>
internal sealed class GoalFact
{
    public Guid GoalId { get; set; }

    public Guid? NetworkId { get; set; }

    public Guid? ProjectId { get; set; }

    public string Objective { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastReviewedAt { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>A working group with its current coordinator (Membership's <c>WorkingGroupCoordinatorChanged</c>).</summary>
internal sealed class WorkingGroupFact
{
    public Guid GroupId { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public Guid? CoordinatorPersonId { get; set; }

    public DateTime? Since { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>The mean of a Likert statement of a closed network feedback or health survey.</summary>
internal sealed class SurveyStatementFact
{
    public Guid SurveyId { get; set; }

    public string Key { get; set; } = "";

    public string TextFi { get; set; } = "";

    public string? TextSv { get; set; }

    public int N { get; set; }

    public double? Mean { get; set; }
}

/// <summary>A network's health thresholds, set by a coordinator; a network without a row uses the defaults.</summary>
internal sealed class HealthSettings
{
    public Guid NetworkId { get; set; }

    /// <summary>An event held within this many weeks keeps coordination active.</summary>
    public int ActivityWeeks { get; set; } = 8;

    /// <summary>A working group's coordinator term longer than this many months is due to rotate.</summary>
    public int RotationMonths { get; set; } = 12;

    /// <summary>Goals reviewed within this many months.</summary>
    public int GoalMonths { get; set; } = 6;

    /// <summary>A network feedback or health survey closed within this many months.</summary>
    public int TrustMonths { get; set; } = 12;

    /// <summary>Models or posts from each project within this many months.</summary>
    public int KnowledgeMonths { get; set; } = 6;

    /// <summary>Each partner organisation attended an event within this many months.</summary>
    public int MotivationMonths { get; set; } = 6;

    public DateTime UpdatedAt { get; set; }
}

/// <summary>An event whose minutes were approved (Events' <c>MinutesApproved</c>): one row per event,
/// holding its newest approved version, so a later version or a republish never counts it twice.</summary>
internal sealed class MinutesFact
{
    public Guid EventId { get; set; }

    public Guid NetworkId { get; set; }

    public Guid? ProjectId { get; set; }

    public int Version { get; set; }

    public DateTime ApprovedAt { get; set; }
}

/// <summary>One mark's status at the end of a month, for the network (ProjectId empty) or a project;
/// kept as taken, never recomputed.</summary>
internal sealed class HealthSnapshot
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    public Guid ProjectId { get; set; }

    /// <summary>Helsinki month, yyyymm.</summary>
    public int Month { get; set; }

    public string Key { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTime TakenAt { get; set; }
}
