using System.Diagnostics.Metrics;

namespace Coordination.Shared.Telemetry;

/// <summary>The site's own instruments that the infrastructure feeds (meter "Coordination").</summary>
public sealed class JobMetrics
{
    public const string MeterName = "Coordination";

    private readonly Counter<long> _failures;

    public JobMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _failures = meter.CreateCounter<long>("coordination.jobs.failures", "{run}", "Runs of a recurring job that ended in an exception (Hangfire may retry them).");
    }

    public void Failed(string jobId) => _failures.Add(1, new KeyValuePair<string, object?>("job", jobId));
}
