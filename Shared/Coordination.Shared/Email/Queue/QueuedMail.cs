using Coordination.Shared.Data;

namespace Coordination.Shared.Email.Queue;

public enum MailStatus
{
    /// <summary>To be sent (or sent again after a transient failure, at <see cref="QueuedMail.NextAttemptAt"/>).</summary>
    Waiting,

    Sent,

    /// <summary>Refused for good (5xx) or out of tries: waits for a coordinator.</summary>
    Failed,
}

/// <summary>
/// An e-mail written to the mail queue of the database whose change caused it, in the same
/// transaction (<see cref="MailQueueExtensions.QueueMail"/>), and sent by the background
/// <see cref="MailQueueWorker"/>. <see cref="Key"/> names the message (what, for whom, why): a
/// second row with the same key cannot be written, so each recipient gets each message at most
/// once; its id is the Message-ID, the same if a crash makes it go twice.
/// </summary>
public sealed class QueuedMail : IClaimable
{
    public Guid Id { get; set; }

    /// <summary>Idempotency key, unique in its database, e.g. "events:reminder:{registration}:{ticks}".</summary>
    public required string Key { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>Extra headers as JSON (List-Unsubscribe and the like).</summary>
    public string? Headers { get; set; }

    public MailStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not before this: the backoff after a transient failure.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>How many times the mail was tried.</summary>
    public int Attempts { get; set; }

    public Guid? ClaimId { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? FailedAt { get; set; }

    /// <summary>The server's last answer ("421 4.3.2 Try again later", "550 5.1.1 No such user").</summary>
    public string? LastError { get; set; }
}
