using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Coordination.Shared.Data;

/// <summary>A row that a worker claims before it does something outside the database with it
/// (an e-mail, a delivery): the claim's id, the end of its lease, and how many times it was
/// claimed. Implementing classes name their properties exactly so.</summary>
public interface IClaimable
{
    Guid Id { get; }

    /// <summary>The claim that holds (or last held) the row; marks check it.</summary>
    Guid? ClaimId { get; }

    /// <summary>Until when the claim holds; after that another worker may take the row.</summary>
    DateTime? ClaimedUntil { get; }

    /// <summary>How many times the row was claimed: each try counts, also one a crash cut.</summary>
    int Attempts { get; }
}

/// <summary>
/// The one way rows are claimed for work (newsletter deliveries, the outbox, the mail queue, an
/// issue's run). In one transaction: the candidates are selected (on PostgreSQL <c>FOR UPDATE
/// SKIP LOCKED</c>, so concurrent claimers take different rows instead of waiting for each
/// other; on SQLite the transaction is the single writer), then one UPDATE that re-checks, row
/// by row, that each is still due and free sets the claim id, the lease and <c>Attempts + 1</c>
/// on the row itself. What the caller gets back is what that UPDATE wrote, read by claim id.
/// </summary>
public static class Claims
{
    /// <summary>Claims up to <paramref name="batchSize"/> rows that match <paramref name="due"/>
    /// and are not held by a live claim, oldest id first, for <paramref name="lease"/>.
    /// <paramref name="alsoSet"/> adds setters to the claiming UPDATE (e.g. a status).</summary>
    public static async Task<Claimed<T>> ClaimAsync<T>(
        this DbContext db,
        Expression<Func<T, bool>> due,
        int batchSize,
        TimeSpan lease,
        DateTime now,
        CancellationToken cancellationToken,
        Action<UpdateSettersBuilder<T>>? alsoSet = null)
        where T : class, IClaimable
    {
        var claimId = Guid.NewGuid();
        var state = new ClaimState(claimId, now, now + lease);
        var rows = db.Set<T>();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var candidates = rows.Where(due).Where(Columns<T>.Free(state)).OrderBy(Columns<T>.Id).Select(Columns<T>.Id).Take(batchSize);
        var ids = db.Database.IsSqlite()
            ? await candidates.ToListAsync(cancellationToken)
            : await SkipLockedAsync(db, candidates, cancellationToken);
        if (ids.Count == 0)
        {
            return new Claimed<T>(claimId, []);
        }

        var chosen = new IdList(ids);
        await rows.Where(Columns<T>.In(chosen)).Where(due).Where(Columns<T>.Free(state))
            .ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(Columns<T>.ClaimId, claimId);
                    s.SetProperty(Columns<T>.ClaimedUntil, state.Until);
                    s.SetProperty(Columns<T>.Attempts, Columns<T>.AttemptsPlusOne);
                    alsoSet?.Invoke(s);
                },
                cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // Committed: the rows are this claim's now, and a stop must not lose them for a lease.
        var claimed = await rows.AsNoTracking().Where(Columns<T>.HeldBy(claimId)).OrderBy(Columns<T>.Id).ToListAsync(CancellationToken.None);
        return new Claimed<T>(claimId, claimed);
    }

    /// <summary>The row <paramref name="id"/> while <paramref name="claimId"/> still holds it:
    /// the filter of every mark, so a worker whose claim was taken over changes nothing.</summary>
    public static IQueryable<T> Held<T>(this IQueryable<T> rows, Guid id, Guid claimId)
        where T : class, IClaimable
        => rows.Where(Columns<T>.Is(id)).Where(Columns<T>.HeldBy(claimId));

    /// <summary>Every row <paramref name="claimId"/> still holds (to release a batch at once).</summary>
    public static IQueryable<T> HeldBy<T>(this IQueryable<T> rows, Guid claimId)
        where T : class, IClaimable
        => rows.Where(Columns<T>.HeldBy(claimId));

    /// <summary>Extends the lease of the rows <paramref name="claimId"/> holds; 0 when it holds none
    /// any more (another worker took them over after the lease ran out).</summary>
    public static Task<int> RenewAsync<T>(this IQueryable<T> rows, Guid claimId, DateTime until, CancellationToken cancellationToken)
        where T : class, IClaimable
        => rows.Where(Columns<T>.HeldBy(claimId)).ExecuteUpdateAsync(s => s.SetProperty(Columns<T>.ClaimedUntil, until), cancellationToken);

    /// <summary>Ends the claim now (the row is free for the next claimer), keeping its id for the record.</summary>
    public static UpdateSettersBuilder<T> Release<T>(this UpdateSettersBuilder<T> setters)
        where T : class, IClaimable
        => setters.SetProperty(Columns<T>.ClaimedUntil, (DateTime?)null);

    private static async Task<List<Guid>> SkipLockedAsync(DbContext db, IQueryable<Guid> candidates, CancellationToken cancellationToken)
    {
        // EF has no locking clause; its own SQL for the candidates plus SKIP LOCKED is still one
        // parameterised SELECT ... ORDER BY ... LIMIT, which PostgreSQL accepts with it.
        await using var command = candidates.CreateDbCommand();
        command.CommandText += " FOR UPDATE SKIP LOCKED";
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Values the queries read through a closure, so EF sends them as parameters
    /// (constants would compile a new query for every claim).</summary>
    private sealed record ClaimState(Guid ClaimId, DateTime Now, DateTime? Until);

    private sealed record IdList(List<Guid> Ids);

    private sealed record OneRow(Guid Id);

    /// <summary>Lambdas on <typeparamref name="T"/>'s own properties: EF maps those, not the
    /// interface's.</summary>
    private static class Columns<T>
        where T : class, IClaimable
    {
        private static readonly ParameterExpression Row = Expression.Parameter(typeof(T), "row");

        public static readonly Expression<Func<T, Guid>> Id = Lambda<Guid>(Property(nameof(IClaimable.Id)));

        public static readonly Expression<Func<T, Guid?>> ClaimId = Lambda<Guid?>(Property(nameof(IClaimable.ClaimId)));

        public static readonly Expression<Func<T, DateTime?>> ClaimedUntil = Lambda<DateTime?>(Property(nameof(IClaimable.ClaimedUntil)));

        public static readonly Expression<Func<T, int>> Attempts = Lambda<int>(Property(nameof(IClaimable.Attempts)));

        public static readonly Expression<Func<T, int>> AttemptsPlusOne = Lambda<int>(Expression.Add(Property(nameof(IClaimable.Attempts)), Expression.Constant(1)));

        /// <summary>No live claim: never claimed, released, or the lease has run out.</summary>
        public static Expression<Func<T, bool>> Free(ClaimState state)
        {
            var until = Property(nameof(IClaimable.ClaimedUntil));
            var now = Expression.Convert(Expression.Property(Expression.Constant(state), nameof(ClaimState.Now)), typeof(DateTime?));
            return Lambda<bool>(Expression.OrElse(Expression.Equal(until, Expression.Constant(null, typeof(DateTime?))), Expression.LessThan(until, now)));
        }

        public static Expression<Func<T, bool>> HeldBy(Guid claimId)
        {
            var state = new ClaimState(claimId, default, null);
            var claim = Expression.Convert(Expression.Property(Expression.Constant(state), nameof(ClaimState.ClaimId)), typeof(Guid?));
            return Lambda<bool>(Expression.Equal(Property(nameof(IClaimable.ClaimId)), claim));
        }

        public static Expression<Func<T, bool>> In(IdList ids)
            => Lambda<bool>(Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
                Expression.Property(Expression.Constant(ids), nameof(IdList.Ids)), Property(nameof(IClaimable.Id))));

        public static Expression<Func<T, bool>> Is(Guid id)
        {
            var row = new OneRow(id);
            return Lambda<bool>(Expression.Equal(Property(nameof(IClaimable.Id)), Expression.Property(Expression.Constant(row), nameof(OneRow.Id))));
        }

        private static MemberExpression Property(string name)
            => Expression.Property(Row, typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no public property {name}."));

        private static Expression<Func<T, TResult>> Lambda<TResult>(Expression body) => Expression.Lambda<Func<T, TResult>>(body, Row);
    }
}

/// <summary>What one claim took: its id (for the marks) and the rows as the claim wrote them.</summary>
public sealed record Claimed<T>(Guid ClaimId, IReadOnlyList<T> Rows);
