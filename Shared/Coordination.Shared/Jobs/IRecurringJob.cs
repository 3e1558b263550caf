namespace Coordination.Shared.Jobs;

/// <summary>A job a module runs on a schedule. The state that matters (what is due, what was
/// done) lives in the module's tables, so a lost or repeated run does no harm.</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A recurring job as registered by a module: Hangfire id, job type, cron (Helsinki).</summary>
public sealed record RecurringJobDefinition(string Id, Type JobType, string Cron);
