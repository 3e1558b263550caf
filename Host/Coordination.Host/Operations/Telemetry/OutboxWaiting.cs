using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Coordination.Shared.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Operations.Telemetry;

/// <summary>Every module's outbox as waiting work: rows not yet delivered (retrying ones
/// included), parked rows, and the age of the oldest row still to deliver.</summary>
internal sealed class OutboxWaiting(IServiceScopeFactory scopes, ModuleCatalog catalog, TimeProvider clock) : IWaitingWork
{
    public string Name => "outbox";

    public async Task<IReadOnlyList<WaitingMeasure>> MeasureAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var measures = new List<WaitingMeasure>();
        foreach (var database in catalog.Databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var undelivered = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null);
            var waiting = await undelivered.Where(m => m.ParkedAt == null).CountAsync(cancellationToken);
            var parked = await undelivered.Where(m => m.ParkedAt != null).CountAsync(cancellationToken);
            var oldest = waiting == 0 ? (DateTime?)null : await undelivered.Where(m => m.ParkedAt == null).MinAsync(m => (DateTime?)m.OccurredAt, cancellationToken);
            var lag = oldest is { } at && at < now ? now - at : TimeSpan.Zero;
            measures.Add(new WaitingMeasure(database.Module, waiting, parked, lag));
        }

        return measures;
    }
}
