using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coordination.Shared.Data;

/// <summary>
/// Evicts a module's cached public pages (<see cref="PublicPageCache"/>) after a commit that
/// wrote its data. Watching the commands rather than SaveChanges also sees ExecuteUpdate and
/// ExecuteDelete (an issue marked sent, a seat counted). A write outside a transaction has
/// committed when its command returns; inside one, the eviction is repeated when the transaction
/// commits, so a visitor who read the old rows in between cannot keep them cached. Writes only to
/// the outbox, inbox, mail queue and audit trail, or to a module's entities marked
/// <see cref="NotOnPublicPagesAttribute"/>, change no page and evict nothing.
/// </summary>
public sealed partial class OutputCacheEviction(IOutputCacheStore store)
{
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        "OutboxMessages", "InboxMessages", "MailQueue", "AuditEntries", "__EFMigrationsHistory",
    };

    // Every read passes through here: a command without these words (a SELECT) skips the regex.
    private static readonly SearchValues<string> WriteWords = SearchValues.Create(["INSERT", "UPDATE", "DELETE"], StringComparison.OrdinalIgnoreCase);

    // Per context type: the tables of its entities marked NotOnPublicPages.
    private static readonly ConcurrentDictionary<Type, HashSet<string>> Unshown = new();

    // Contexts that wrote inside a transaction that has not committed yet.
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    private IInterceptor[]? _interceptors;

    /// <summary>One set for every context, so EF keeps one internal service provider.</summary>
    public IInterceptor[] Interceptors => _interceptors ??= [new Commands(this), new Transactions(this)];

    /// <summary>Whether <paramref name="sql"/> writes a table other than the bookkeeping ones.</summary>
    public static bool WritesData(string sql, IReadOnlySet<string>? unshown = null)
        => sql.AsSpan().ContainsAny(WriteWords)
           && WriteTarget().Matches(sql).Any(m => !Bookkeeping.Contains(m.Groups["table"].Value) && unshown?.Contains(m.Groups["table"].Value) != true);

    private static HashSet<string> UnshownTables(DbContext context)
        => Unshown.GetOrAdd(context.GetType(), _ => new HashSet<string>(
            context.Model.GetEntityTypes()
                .Where(t => t.ClrType.IsDefined(typeof(NotOnPublicPagesAttribute), inherit: false))
                .Select(t => t.GetTableName()).OfType<string>(),
            StringComparer.OrdinalIgnoreCase));

    private async ValueTask AfterCommandAsync(DbContext? context, DbCommand command)
    {
        if (context is not ModuleDbContext module || !WritesData(command.CommandText, UnshownTables(context)))
        {
            return;
        }

        if (command.Transaction is not null)
        {
            _pending.AddOrUpdate(context, this);
        }

        await EvictAsync(module);
    }

    private async ValueTask AfterCommitAsync(DbContext? context)
    {
        if (context is ModuleDbContext module && _pending.Remove(context))
        {
            await EvictAsync(module);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    // The write has happened: the eviction is not cancelled with the request.
    private async ValueTask EvictAsync(ModuleDbContext module)
    {
        await store.EvictByTagAsync(PublicPageCache.Tag(module.Module), CancellationToken.None);
        await store.EvictByTagAsync(PublicPageCache.AnyModuleTag, CancellationToken.None);
    }

    // INSERT INTO "T", UPDATE "T" / schema."T", DELETE FROM "T"; not SELECT … FOR UPDATE nor ON CONFLICT DO UPDATE.
    [GeneratedRegex(@"(?<!\b(?:FOR|DO)\s+)\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:""?\w+""?\.)?""?(?<table>\w+)""?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteTarget();

    private sealed class Commands(OutputCacheEviction owner) : DbCommandInterceptor
    {
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            owner.AfterCommandAsync(eventData.Context, command).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await owner.AfterCommandAsync(eventData.Context, command);
            return result;
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            owner.AfterCommandAsync(eventData.Context, command).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            await owner.AfterCommandAsync(eventData.Context, command);
            return result;
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            owner.AfterCommandAsync(eventData.Context, command).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            await owner.AfterCommandAsync(eventData.Context, command);
            return result;
        }
    }

    private sealed class Transactions(OutputCacheEviction owner) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
            => owner.AfterCommitAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
            => owner.AfterCommitAsync(eventData.Context).AsTask();

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
            => owner.Forget(eventData.Context);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            owner.Forget(eventData.Context);
            return Task.CompletedTask;
        }
    }
}
