using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Email.Queue;

/// <summary>One queued mail as coordinators see it.</summary>
public sealed record QueuedMailView(string Module, Guid Id, string To, string Subject, string Status, DateTime CreatedAt, int Attempts, DateTime? NextAttemptAt, DateTime? SentAt, string? LastError);

public sealed record MailCounts(int Waiting, int Sent, int Failed);

/// <summary>A page of the queue (newest first) and the counts of every state.</summary>
public sealed record MailQueueList(IReadOnlyList<QueuedMailView> Items, int Total, int Page, int PageSize, MailCounts Counts);

/// <summary>The mail queues of every database for coordinators: counts, a paged list per state and
/// recipient, and a retry of a failed mail (audited). <see cref="WaitingAsync"/> is the figure a
/// metrics gauge can read.</summary>
public sealed class MailQueueAdministration(IServiceProvider services, ModuleCatalog catalog, TimeProvider clock, MailSignal signal)
{
    public const int MaxPageSize = 200;

    /// <summary>How many mails wait to be sent, in all databases.</summary>
    public async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        var waiting = 0;
        foreach (var database in catalog.MailDatabases)
        {
            waiting += await Queue(database).CountAsync(m => m.Status == MailStatus.Waiting, cancellationToken);
        }

        return waiting;
    }

    public async Task<MailQueueList> ListAsync(MailStatus? status, string? module, string? recipient, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var to = recipient?.Trim().ToLowerInvariant();
        var items = new List<QueuedMailView>();
        int waiting = 0, sent = 0, failed = 0;
        foreach (var database in catalog.MailDatabases.Where(d => module is null || d.Module.Equals(module, StringComparison.OrdinalIgnoreCase)))
        {
            var rows = Queue(database).AsNoTracking().Where(m => string.IsNullOrEmpty(to) || m.ToAddress.Contains(to));
            var counts = await rows.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            waiting += counts.Where(c => c.Key == MailStatus.Waiting).Sum(c => c.Count);
            sent += counts.Where(c => c.Key == MailStatus.Sent).Sum(c => c.Count);
            failed += counts.Where(c => c.Key == MailStatus.Failed).Sum(c => c.Count);
            // Each database's newest page*size rows are enough to merge the requested page.
            items.AddRange((await rows.Where(m => status == null || m.Status == status)
                    .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                    .Take(page * pageSize)
                    .ToListAsync(cancellationToken))
                .Select(m => new QueuedMailView(database.Module, m.Id, m.ToAddress, m.Subject, m.Status.ToString().ToLowerInvariant(), m.CreatedAt, m.Attempts,
                    m.Status == MailStatus.Waiting ? m.NextAttemptAt : null, m.SentAt, m.LastError)));
        }

        var total = status switch { MailStatus.Waiting => waiting, MailStatus.Sent => sent, MailStatus.Failed => failed, _ => waiting + sent + failed };
        var shown = items.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new MailQueueList(shown, total, page, pageSize, new MailCounts(waiting, sent, failed));
    }

    /// <summary>Puts a failed mail back in line for sending now, with a fresh count of tries.
    /// False when the module or a failed mail with that id is unknown.</summary>
    public async Task<bool> RetryAsync(string module, Guid id, string? userId, CancellationToken cancellationToken)
    {
        var database = catalog.MailDatabases.SingleOrDefault(d => d.Module.Equals(module, StringComparison.OrdinalIgnoreCase));
        if (database is null)
        {
            return false;
        }

        var db = (IMailQueueDatabase)services.GetRequiredService(database.ContextType);
        var mail = await db.MailQueue.SingleOrDefaultAsync(m => m.Id == id && m.Status == MailStatus.Failed, cancellationToken);
        if (mail is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        mail.Status = MailStatus.Waiting;
        mail.Attempts = 0;
        mail.NextAttemptAt = now;
        mail.FailedAt = null;
        db.AuditEntries.Record(userId, "RetryMail", nameof(QueuedMail), id.ToString(), mail.Key, now);
        await ((DbContext)db).SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }

    private IQueryable<QueuedMail> Queue(ModuleDatabase database) => ((DbContext)services.GetRequiredService(database.ContextType)).Set<QueuedMail>();
}
