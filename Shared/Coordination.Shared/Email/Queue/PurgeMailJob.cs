using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Email.Queue;

/// <summary>Deletes sent and failed mail (addresses, bodies) after Coordination:Mail:Retention.</summary>
public sealed class PurgeMailJob(IServiceProvider services, ModuleCatalog catalog, TimeProvider clock, IOptions<MailQueueOptions> options) : Jobs.IRecurringJob
{
    public const string Id = "mail:purge";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        foreach (var database in catalog.MailDatabases)
        {
            await ((DbContext)services.GetRequiredService(database.ContextType)).Set<QueuedMail>()
                .Where(m => m.Status != MailStatus.Waiting && m.CreatedAt < before)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }
}
