using Coordination.Host.Identity;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Operations.AuditTrail;

/// <summary>What to list: a person (sign-in id), a module, a kind of change (the entry's
/// action), and a period of instants [From, To).</summary>
internal sealed record AuditFilter(string? UserId, string? Module, string? Action, DateTime? FromUtc, DateTime? ToUtc);

/// <summary>Who did it, as the audit trail shows them: the sign-in's name while the account
/// exists; a removed account (an erased person's, too) shows no name and no id.</summary>
internal enum ActorKind
{
    Account,
    DeletedAccount,
    System,
}

/// <summary>One audit entry with the module that keeps it and the actor's name now.</summary>
internal sealed record AuditItem(string Module, Guid Id, DateTime At, ActorKind Actor, string? UserId, string? Person, string Action, string EntityType, string EntityId, string? Summary);

/// <summary>
/// Reads every module's AuditEntries through the module catalogue — one query per module
/// database, never a join across them — and merges them here, newest first. Names come from
/// the sign-ins at the time of reading: entries hold only a user id, so when an account is
/// removed (as erasing a person removes it) no name can come back.
/// </summary>
internal sealed class AuditTrailReader(IServiceProvider services, ModuleCatalog catalog, IdentityDb identity)
{
    /// <summary>One page, and how many entries match in all.</summary>
    public async Task<(IReadOnlyList<AuditItem> Items, int Total)> PageAsync(AuditFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var rows = new List<(string Module, AuditEntry Entry)>();
        var total = 0;
        foreach (var (module, db) in Databases(filter.Module))
        {
            var query = Filtered(db, filter);
            total += await query.CountAsync(cancellationToken);
            // The newest Skip + PageSize of each module hold the page of the merged list.
            rows.AddRange((await query.Take(paging.Skip + paging.PageSize).ToListAsync(cancellationToken)).Select(e => (module, e)));
        }

        return (await NamedAsync(Newest(rows).Skip(paging.Skip).Take(paging.PageSize).ToList(), cancellationToken), total);
    }

    /// <summary>Every matching entry, newest first (for the export).</summary>
    public async Task<IReadOnlyList<AuditItem>> AllAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var rows = new List<(string Module, AuditEntry Entry)>();
        foreach (var (module, db) in Databases(filter.Module))
        {
            rows.AddRange((await Filtered(db, filter).ToListAsync(cancellationToken)).Select(e => (module, e)));
        }

        return await NamedAsync(Newest(rows).ToList(), cancellationToken);
    }

    /// <summary>The kinds of change the modules have recorded, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken)
    {
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, db) in Databases(null))
        {
            actions.UnionWith(await db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync(cancellationToken));
        }

        return [.. actions];
    }

    /// <summary>The people (existing sign-ins) who appear in the trail, by name, for the filter.</summary>
    public async Task<IReadOnlyList<(string UserId, string Name)>> PeopleAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, db) in Databases(null))
        {
            ids.UnionWith(await db.AuditEntries.Where(e => e.UserId != null).Select(e => e.UserId!).Distinct().ToListAsync(cancellationToken));
        }

        var names = await NamesAsync(ids, cancellationToken);
        return [.. names.Select(n => (n.Key, n.Value)).OrderBy(n => n.Value, StringComparer.CurrentCulture)];
    }

    public IReadOnlyList<string> Modules => [.. catalog.Databases.Select(d => d.Module)];

    private IEnumerable<(string Module, ModuleDbContext Db)> Databases(string? module)
        => catalog.Databases
            .Where(d => module is null || d.Module.Equals(module, StringComparison.OrdinalIgnoreCase))
            .Select(d => (d.Module, (ModuleDbContext)services.GetRequiredService(d.ContextType)));

    private static IQueryable<AuditEntry> Filtered(ModuleDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.UserId is { } user)
        {
            query = query.Where(e => e.UserId == user);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        return query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    private static IEnumerable<(string Module, AuditEntry Entry)> Newest(List<(string Module, AuditEntry Entry)> rows)
        => rows.OrderByDescending(r => r.Entry.At).ThenBy(r => r.Module, StringComparer.Ordinal).ThenByDescending(r => r.Entry.Id);

    private async Task<IReadOnlyList<AuditItem>> NamedAsync(List<(string Module, AuditEntry Entry)> rows, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(rows.Select(r => r.Entry.UserId).OfType<string>(), cancellationToken);
        return [.. rows.Select(r =>
        {
            var (actor, userId, person) = r.Entry.UserId switch
            {
                null => (ActorKind.System, (string?)null, (string?)null),
                var id when names.TryGetValue(id, out var name) => (ActorKind.Account, id, name),
                _ => (ActorKind.DeletedAccount, (string?)null, (string?)null),
            };
            return new AuditItem(r.Module, r.Entry.Id, r.Entry.At, actor, userId, person, r.Entry.Action, r.Entry.EntityType, r.Entry.EntityId, r.Entry.Summary);
        })];
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var users = await identity.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, StringComparer.Ordinal);
    }
}
