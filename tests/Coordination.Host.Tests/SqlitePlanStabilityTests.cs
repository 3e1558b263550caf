using Coordination.Host.Identity;
using Coordination.Shared.Modules;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Coordination.Host.Tests;

/// <summary>A paged statement on any module's SQLite connection is compiled once: with the planner
/// free to use bound values, SQLite compiled <c>LIMIT @p</c> again on its first step (issue 20).</summary>
public sealed class SqlitePlanStabilityTests() : AppFixture(Provider.Sqlite)
{
    [Test]
    public async Task A_paged_statement_is_not_compiled_again_when_its_values_are_bound()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var contexts = App.Services.GetRequiredService<ModuleCatalog>().Databases.Select(d => d.ContextType).Append(typeof(IdentityDb)).ToList();
        Assert.That(contexts, Has.Count.GreaterThan(6));
        foreach (var type in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            await db.Database.OpenConnectionAsync();
            try
            {
                var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
                Assert.That(raw.sqlite3_prepare_v2(handle, "SELECT name FROM sqlite_master LIMIT ?1 OFFSET ?2", out var statement), Is.EqualTo(raw.SQLITE_OK));
                try
                {
                    raw.sqlite3_bind_int(statement, 1, 20);
                    raw.sqlite3_bind_int(statement, 2, 0);
                    while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                    {
                    }

                    const int reprepares = 5; // SQLITE_STMTSTATUS_REPREPARE
                    Assert.That(raw.sqlite3_stmt_status(statement, reprepares, 0), Is.Zero, type.Name);
                }
                finally
                {
                    raw.sqlite3_finalize(statement);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
