using System.Diagnostics.Metrics;
using Coordination.Shared.Telemetry;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Operations.Telemetry;

/// <summary>
/// The gauges of every <see cref="IWaitingWork"/> (coordination.outbox.waiting, .parked, .lag,
/// and the same for the mail queue). A scrape must not query every database, so the queues are
/// measured in the background every Coordination:Metrics:SampleInterval and the gauges report
/// the last measure.
/// </summary>
internal sealed class WaitingWorkGauges : BackgroundService
{
    private readonly IReadOnlyList<IWaitingWork> _queues;
    private readonly TelemetryOptions _options;
    private readonly ILogger<WaitingWorkGauges> _logger;
    private volatile IReadOnlyDictionary<string, IReadOnlyList<WaitingMeasure>> _latest = new Dictionary<string, IReadOnlyList<WaitingMeasure>>();

    public WaitingWorkGauges(IEnumerable<IWaitingWork> queues, IMeterFactory meters, IOptions<TelemetryOptions> options, ILogger<WaitingWorkGauges> logger)
    {
        _queues = [.. queues];
        _options = options.Value;
        _logger = logger;
        var meter = meters.Create(JobMetrics.MeterName);
        foreach (var queue in _queues)
        {
            var name = queue.Name;
            meter.CreateObservableGauge($"coordination.{name}.waiting", () => Observe(name, m => m.Waiting), "{item}", $"Items of the {name} not yet delivered (retries included), per module.");
            meter.CreateObservableGauge($"coordination.{name}.parked", () => Observe(name, m => m.Parked), "{item}", $"Items of the {name} that gave up and wait for a person, per module.");
            meter.CreateObservableGauge($"coordination.{name}.lag", () => Observe(name, m => m.Lag.TotalSeconds), "s", $"Age of the oldest item of the {name} still to deliver, per module (0 when none).");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval);
        do
        {
            var latest = new Dictionary<string, IReadOnlyList<WaitingMeasure>>();
            foreach (var queue in _queues)
            {
                try
                {
                    latest[queue.Name] = await queue.MeasureAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    _logger.LogWarning(ex, "The {Queue} could not be measured", queue.Name);
                }
            }

            _latest = latest;
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private IEnumerable<Measurement<T>> Observe<T>(string queue, Func<WaitingMeasure, T> value)
        where T : struct
        => _latest.TryGetValue(queue, out var measures)
            ? measures.Select(m => new Measurement<T>(value(m), new KeyValuePair<string, object?>("module", m.Module)))
            : [];
}
