using Coordination.Host.Identity;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coordination.Host.Data;

/// <summary>Applies every module's migrations (and the Host's) at start or by the `migrate`
/// command. On SQLite it also turns on WAL so readers do not block the writer.</summary>
internal static class DatabaseMigrator
{
    /// <summary>The SQLite databases a publish made with its own `migrate` command
    /// (Coordination.Host.csproj): a new data folder starts from copies of them.</summary>
    public static string PublishedTemplates => Path.Combine(AppContext.BaseDirectory, "database-templates");

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var databases = catalog.Databases.Prepend(new ModuleDatabase(IdentityDb.Name, typeof(IdentityDb))).ToList();
        var contextTypes = databases.Select(d => d.ContextType).ToList();
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Applying 45 migrations builds each one's target model: most of a new site's first
            // start (issue 20). A copy of the published template is the same file, made at publish;
            // the migrator then finds nothing to apply (or the rest, were a template older).
            CopyTemplates(options, databases.Select(d => d.Module), PublishedTemplates, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator)));

            // Each SQLite database is a file of its own: they migrate side by side. Building each
            // context's model and applying its migrations one after another was most of a new
            // site's start (issue 20).
            await Task.WhenAll(contextTypes.Select(type => Task.Run(() => MigrateAsync(services, type, cancellationToken), cancellationToken)));
        }
        else
        {
            // One PostgreSQL database holds every module's schema (and the extensions they share).
            // Instances that start together take turns (StartupTurn, Program.cs).
            foreach (var type in contextTypes)
            {
                await MigrateAsync(services, type, cancellationToken);
            }
        }
    }

    /// <summary>Copies each template of <paramref name="templates"/> whose database is not yet in the
    /// data folder. A copy is written beside the target and renamed, so a start killed part-way
    /// leaves no half database; an existing database is never replaced.</summary>
    public static void CopyTemplates(DatabaseOptions options, IEnumerable<string> names, string templates, ILogger logger)
    {
        if (!Directory.Exists(templates))
        {
            return;
        }

        foreach (var name in names)
        {
            var target = options.SqliteFile(name);
            var template = Path.Combine(templates, Path.GetFileName(target));
            if (!File.Exists(template) || File.Exists(target) || File.Exists(target + "-wal"))
            {
                continue;
            }

            var partial = target + ".template";
            File.Copy(template, partial, overwrite: true);
            File.Move(partial, target);
            logger.LogInformation("Database {Database} created from the template of this build", name);
        }
    }

    private static async Task MigrateAsync(IServiceProvider services, Type contextType, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);

        if (!db.Database.IsSqlite())
        {
            await CreateHistoryTableAsync(db, cancellationToken);
        }

        // Migrating an up-to-date database still diffs the whole model against the last
        // snapshot (EF's pending-change check): a restart with nothing to apply skips it.
        // ModelMigrationTests keeps the check in the tests.
        if (!await IsUpToDateAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Creates the context's migrations history table (empty) on PostgreSQL when it is missing.</summary>
    /// <remarks>Npgsql's history repository finds that a schema has no history table yet by its
    /// SELECT failing, which EF logs as an error (npgsql/efcore.pg#3407): a new database's first
    /// start logged fourteen failures. The table is made first, as EF makes it (under the
    /// instance's turn, StartupTurn).</remarks>
    private static Task CreateHistoryTableAsync(DbContext db, CancellationToken cancellationToken)
        => db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);

    /// <summary>Whether every migration of the context is in its history table.</summary>
    internal static async Task<bool> IsUpToDateAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        }

        // EF's own question (GetPendingMigrations) first builds a model of its history table with
        // the whole convention set: after the compiled models, the one model a SQLite start still
        // built, about a quarter of a restart's CPU (issue 20). The table is read here instead.
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return !known.Any();
            }

            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return known.All(applied.Contains);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
