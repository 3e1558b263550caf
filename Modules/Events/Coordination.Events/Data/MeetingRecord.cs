namespace Coordination.Events.Data;

/// <summary>A version of an event's minutes (Markdown). A draft is edited in place; an approved
/// version is never changed again: editing after approval starts a new draft with the next
/// version number, and approving it supersedes the earlier one (the newest approved is current).</summary>
internal sealed class Minutes
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public int Version { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? ApprovedBy { get; set; }
}

/// <summary>A decision made at an event. Entered with the minutes draft; numbered (per network
/// and year) when the minutes are approved, from <see cref="DecisionCounter"/>.</summary>
internal sealed class Decision
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public Guid NetworkId { get; set; }

    /// <summary>Set with <see cref="Number"/> at approval: the event's year in Helsinki.</summary>
    public int? Year { get; set; }

    public int? Number { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>The last decision number given in a network and year; raised in the transaction that
/// numbers decisions, so concurrent approvals queue on the row and never reuse or skip a number.</summary>
internal sealed class DecisionCounter
{
    public Guid NetworkId { get; set; }

    public int Year { get; set; }

    public int Last { get; set; }
}

/// <summary>Who promised what, by when: a person of the directory (Events' copy of it).</summary>
internal sealed class ActionItem
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public Guid NetworkId { get; set; }

    public string What { get; set; } = "";

    public Guid PersonId { get; set; }

    public DateOnly Due { get; set; }

    public ActionItemStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>Set by a conditional update in the transaction that queues the reminder: once.</summary>
    public DateTime? ReminderSentAt { get; set; }
}

internal enum ActionItemStatus
{
    Open,
    Done,
}
