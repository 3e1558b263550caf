using Coordination.Shared.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Jobs;

/// <summary>Removes delivered outbox rows and old inbox records of one module after the
/// retention period. Parked rows stay until a coordinator has dealt with them.</summary>
public sealed class PurgeDeliveredMessagesJob<TContext>(TContext db, TimeProvider clock, IOptions<OutboxOptions> options) : IRecurringJob
    where TContext : ModuleDbContext
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
