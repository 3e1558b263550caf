namespace Coordination.Shared.Messaging;

/// <summary>An integration event waiting for (or done with) delivery to subscribing modules.</summary>
public sealed class OutboxMessage : Data.IClaimable
{
    public Guid Id { get; set; }

    /// <summary>Full name of the event's type in a Contracts assembly.</summary>
    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>How many times the row was claimed for delivery (each try counts).</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set by the instance that claimed the row; others skip it until the lease ends
    /// (column ClaimToken).</summary>
    public Guid? ClaimId { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>Set after the last try failed; a coordinator can retry it.</summary>
    public DateTime? ParkedAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Records that a handler has applied an event, so a redelivery is skipped.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    public required string Handler { get; set; }

    public DateTime ProcessedAt { get; set; }
}
