namespace Coordination.Shared.Email.Queue;

/// <summary>Configuration section Coordination:Mail (the mail queue).</summary>
public sealed class MailQueueOptions
{
    /// <summary>False stops sending in this instance (the mail waits in the queue).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the queues are looked at when no commit has signalled new mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed batch is reserved for the instance that claimed it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tries after which a mail that keeps failing transiently is parked as failed.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first transient failure; doubled after each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sent and failed mail (addresses and all) is deleted after this.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
