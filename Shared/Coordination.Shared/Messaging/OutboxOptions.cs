namespace Coordination.Shared.Messaging;

/// <summary>Configuration section Coordination:Outbox.</summary>
public sealed class OutboxOptions
{
    /// <summary>False stops delivery in this instance (the rows wait in the outbox).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 50;

    /// <summary>Tries before a delivery is parked for a coordinator to look at.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first failure; doubled after each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed row is reserved for the instance that claimed it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Modules whose subscriptions get nothing live (as if they had not been listening);
    /// they fill up later by asking for a republish. For tests and for adding a module.</summary>
    public List<string> MutedSubscribers { get; set; } = [];

    /// <summary>Delivered outbox rows and inbox records are kept this long.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
