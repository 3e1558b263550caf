using System.Globalization;
using Coordination.Shared.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Operations.Telemetry;

/// <summary>Readiness: Degraded (still 200, so a load balancer keeps the instance) when work has
/// waited longer than Coordination:Health:MaxLag — events stuck between modules, mail not
/// going out. An operator's alert, not a reason to take the site down.</summary>
internal sealed class WaitingWorkHealthCheck(IEnumerable<IWaitingWork> queues, IOptions<TelemetryOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxLag = options.Value.MaxLag;
        var late = new List<string>();
        var data = new Dictionary<string, object>();
        foreach (var queue in queues)
        {
            foreach (var measure in await queue.MeasureAsync(cancellationToken))
            {
                data[$"{queue.Name}:{measure.Module}:lagSeconds"] = Math.Round(measure.Lag.TotalSeconds);
                if (measure.Lag > maxLag)
                {
                    late.Add(string.Create(CultureInfo.InvariantCulture, $"{queue.Name} of {measure.Module}: {measure.Waiting} waiting, oldest {measure.Lag.TotalMinutes:0.#} min"));
                }
            }
        }

        return late.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"Waiting longer than {maxLag}: {string.Join("; ", late)}", data: data);
    }
}
