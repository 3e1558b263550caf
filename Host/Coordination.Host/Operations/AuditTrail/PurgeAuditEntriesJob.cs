using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Operations.AuditTrail;

/// <summary>Configuration section Coordination:Audit.</summary>
internal sealed class AuditTrailOptions
{
    /// <summary>Audit entries older than this are removed by the daily purge (they hold user ids,
    /// which are personal data, so they are not kept for ever).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(730);
}

/// <summary>Every night: removes audit entries older than Coordination:Audit:Retention from
/// every module's database.</summary>
internal sealed class PurgeAuditEntriesJob(IServiceProvider services, ModuleCatalog catalog, TimeProvider clock, IOptions<AuditTrailOptions> options, ILogger<PurgeAuditEntriesJob> logger) : IRecurringJob
{
    public const string Id = "host:purge-audit";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        foreach (var database in catalog.Databases)
        {
            var db = (ModuleDbContext)services.GetRequiredService(database.ContextType);
            var removed = await db.AuditEntries.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
            if (removed > 0)
            {
                logger.LogInformation("Removed {Count} audit entries older than {Before:o} from {Module}", removed, before, database.Module);
            }
        }
    }
}
