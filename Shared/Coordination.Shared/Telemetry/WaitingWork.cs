namespace Coordination.Shared.Telemetry;

/// <summary>
/// Work that waits to be delivered — the modules' outboxes, the mail queue — measured for the
/// operator: each one becomes the gauges <c>coordination_{Name}_waiting</c>, <c>_parked</c> and
/// <c>_lag_seconds</c> (the age of the oldest item still to go) at <c>/metrics</c>, and makes
/// <c>/health/ready</c> report Degraded when its lag passes <c>Coordination:Health:MaxLag</c>.
/// Register an implementation with <c>services.AddSingleton&lt;IWaitingWork, …&gt;()</c>.
/// </summary>
public interface IWaitingWork
{
    /// <summary>Short lower-case name of the queue ("outbox", "mail"): part of the metric names.</summary>
    string Name { get; }

    /// <summary>The queue now, one measure per module (or one for the whole site).</summary>
    Task<IReadOnlyList<WaitingMeasure>> MeasureAsync(CancellationToken cancellationToken);
}

/// <summary>One module's part of a queue (<paramref name="Module"/>, or "site" for a queue not
/// kept per module): how many items wait for delivery, how many gave up (parked), and the age of
/// the oldest waiting item (zero when none waits).</summary>
public sealed record WaitingMeasure(string Module, int Waiting, int Parked, TimeSpan Lag);
