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
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var contextTypes = catalog.Databases.Select(d => d.ContextType).Prepend(typeof(IdentityDb)).ToList();
        if (services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite)
        {
            // Each SQLite database is a file of its own: they migrate side by side. Building each
            // context's model and applying its migrations one after another was most of a new
            // site's start (issue 20).
            await Task.WhenAll(contextTypes.Select(type => Task.Run(() => MigrateAsync(services, type, cancellationToken), cancellationToken)));
        }
        else
        {
            // One PostgreSQL database holds every module's schema (and the extensions they share).
            foreach (var type in contextTypes)
            {
                await MigrateAsync(services, type, cancellationToken);
            }
        }
    }

    private static async Task MigrateAsync(IServiceProvider services, Type contextType, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);

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
