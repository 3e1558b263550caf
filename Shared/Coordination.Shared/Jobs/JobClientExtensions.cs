using Coordination.Shared.Modules;
using Hangfire;

namespace Coordination.Shared.Jobs;

public static class JobClientExtensions
{
    /// <summary>Runs a module's recurring job now, outside its schedule (e.g. "send now"), under
    /// the id the module registered it with (ids carry the module's prefix).</summary>
    public static string RunNow<TJob>(this IBackgroundJobClient jobs, ModuleCatalog catalog)
        where TJob : IRecurringJob
    {
        var id = catalog.Jobs.Single(j => j.JobType == typeof(TJob)).Id;
        return jobs.Enqueue<RecurringJobRunner>(r => r.RunAsync(id, CancellationToken.None));
    }
}
