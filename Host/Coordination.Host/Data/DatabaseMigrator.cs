using Coordination.Host.Identity;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Data;

/// <summary>Applies every module's migrations (and the Host's) at start or by the `migrate`
/// command. On SQLite it also turns on WAL so readers do not block the writer.</summary>
internal static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var contexts = new List<DbContext> { scope.ServiceProvider.GetRequiredService<IdentityDb>() };
        contexts.AddRange(catalog.Databases.Select(d => (DbContext)scope.ServiceProvider.GetRequiredService(d.ContextType)));
        foreach (var db in contexts)
        {
            // Migrating an up-to-date database still diffs the whole model against the last
            // snapshot (EF's pending-change check): a restart with nothing to apply skips it.
            // ModelMigrationTests keeps the check in the tests.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
    }
}
