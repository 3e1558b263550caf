using Coordination.Shared.Modules;
using Coordination.Shared.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Email.Queue;

/// <summary>Every mail queue as waiting work (the gauges coordination_mail_* and readiness:
/// /health/ready turns Degraded when the oldest waiting mail is older than
/// Coordination:Health:MaxLag — the mail server refuses, or nothing sends). Failed mail counts as
/// parked.</summary>
public sealed class MailWaiting(IServiceScopeFactory scopes, ModuleCatalog catalog, TimeProvider clock) : IWaitingWork
{
    public string Name => "mail";

    public async Task<IReadOnlyList<WaitingMeasure>> MeasureAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var measures = new List<WaitingMeasure>();
        foreach (var database in catalog.MailDatabases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var queue = ((DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).Set<QueuedMail>().AsNoTracking();
            var waiting = await queue.CountAsync(m => m.Status == MailStatus.Waiting, cancellationToken);
            var failed = await queue.CountAsync(m => m.Status == MailStatus.Failed, cancellationToken);
            var oldest = waiting == 0 ? null : await queue.Where(m => m.Status == MailStatus.Waiting).MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
            measures.Add(new WaitingMeasure(database.Module, waiting, failed, oldest is { } at && at < now ? now - at : TimeSpan.Zero));
        }

        return measures;
    }
}
