using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coordination.Shared.Data;

/// <summary>
/// Commits that survive a killed process but not a power cut or an operating-system crash, for a
/// log written once per outside action (the newsletter's "sent" marks, one per message). On SQLite
/// the files are in WAL mode (<c>DatabaseMigrator</c>) and the connection gets
/// <c>synchronous=NORMAL</c>: a commit is written to the WAL file (the operating system holds it)
/// without waiting for the disk, which is synced at checkpoints. On PostgreSQL the session gets
/// <c>synchronous_commit=off</c>: the server has the commit, its WAL writer flushes it within a
/// fraction of a second. Either way a process that dies after a commit returned keeps it; a
/// machine (or database server) that dies may lose the last commits. The connection stays open
/// (and the setting on it) until the returned handle is disposed, which sets it back.
/// </summary>
public static class ProcessDurableCommits
{
    public static async Task<IAsyncDisposable> ProcessDurableCommitsAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (database.IsSqlite())
            {
                // Set back to what the connection had: pooled connections keep their PRAGMAs.
                await using var read = database.GetDbConnection().CreateCommand();
                read.CommandText = "PRAGMA synchronous";
                var before = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                await database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL", cancellationToken);
                return new Restore(database, $"PRAGMA synchronous={before}");
            }

            await database.ExecuteSqlRawAsync("SET synchronous_commit = off", cancellationToken);
            return new Restore(database, "RESET synchronous_commit");
        }
        catch
        {
            await database.CloseConnectionAsync();
            throw;
        }
    }

    private sealed class Restore(DatabaseFacade database, string sql) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await database.ExecuteSqlRawAsync(sql, CancellationToken.None);
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        }
    }
}
