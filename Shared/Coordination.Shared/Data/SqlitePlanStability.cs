using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Coordination.Shared.Data;

/// <summary>Turns on SQLite's query planner stability guarantee on every connection EF opens: a
/// statement's plan no longer depends on its bound values. Without it SQLite (3.47 and later) plans
/// a <c>LIMIT @p OFFSET @q</c> from the values, so a paged query, prepared before its parameters
/// are bound (as Microsoft.Data.Sqlite does), was compiled a second time on its first step: every
/// page of every list, a tenth of an uncached event list's CPU (issue 20).</summary>
public sealed class SqlitePlanStability : DbConnectionInterceptor
{
    public static SqlitePlanStability Instance { get; } = new();

    private const int EnableQpsg = 1007; // SQLITE_DBCONFIG_ENABLE_QPSG

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Enable(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Enable(connection);
        return Task.CompletedTask;
    }

    // A pooled connection keeps the setting; setting it again is one call into SQLite.
    private static void Enable(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            raw.sqlite3_db_config(handle, EnableQpsg, 1, out _);
        }
    }
}
