using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Messaging;

/// <summary>A parked delivery as coordinators see it.</summary>
public sealed record ParkedDelivery(string Module, Guid Id, string EventType, DateTime OccurredAt, int Attempts, DateTime ParkedAt, string? LastError);

/// <summary>Lists parked outbox rows of every module and puts them back in line.</summary>
public sealed class DeliveryAdministration(IServiceProvider services, ModuleCatalog catalog, TimeProvider clock, OutboxSignal signal)
{
    public async Task<IReadOnlyList<ParkedDelivery>> ListParkedAsync(CancellationToken cancellationToken)
    {
        var all = new List<ParkedDelivery>();
        foreach (var database in catalog.Databases)
        {
            var db = (ModuleDbContext)services.GetRequiredService(database.ContextType);
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.ParkedAt != null).OrderBy(m => m.OccurredAt).Take(500).ToListAsync(cancellationToken);
            all.AddRange(rows.Select(m => new ParkedDelivery(database.Module, m.Id, m.Type, m.OccurredAt, m.Attempts, m.ParkedAt!.Value, m.LastError)));
        }

        return [.. all.OrderByDescending(d => d.ParkedAt)];
    }

    /// <summary>Unparks a row for delivery now. False when the module or the parked row is unknown.</summary>
    public async Task<bool> RetryAsync(string module, Guid id, string? userId, CancellationToken cancellationToken)
    {
        var database = catalog.Databases.SingleOrDefault(d => d.Module.Equals(module, StringComparison.OrdinalIgnoreCase));
        if (database is null)
        {
            return false;
        }

        var db = (ModuleDbContext)services.GetRequiredService(database.ContextType);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.ParkedAt != null, cancellationToken);
        if (message is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        message.ParkedAt = null;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        db.Audit(userId, "RetryDelivery", nameof(OutboxMessage), id.ToString(), message.Type, now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}
