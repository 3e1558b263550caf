using Coordination.Shared.Modules;
using Coordination.Shared.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Jobs;

/// <summary>The one method Hangfire stores for every recurring job: it looks the job up by id,
/// so module job classes stay internal and can be renamed without stale Hangfire entries.</summary>
public sealed class RecurringJobRunner(ModuleCatalog catalog, IServiceProvider services, JobMetrics metrics)
{
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var definition = catalog.Jobs.SingleOrDefault(j => j.Id == jobId)
            ?? throw new InvalidOperationException($"No recurring job '{jobId}' is registered.");
        var job = (IRecurringJob)services.GetRequiredService(definition.JobType);
        try
        {
            await job.RunAsync(cancellationToken);
        }
        catch (Exception)
        {
            metrics.Failed(jobId);
            throw; // Hangfire records the failure and retries
        }
    }
}
