using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coordination.Host;
using Coordination.Host.Data;
using Coordination.Host.Identity;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coordination.Testing;

/// <summary>Migrate once, copy many: every database a test gets is a copy of a template that the
/// Host's own migrator made once. SQLite: a folder of migrated module files, copied per test.
/// PostgreSQL: a template database, cloned per test with CREATE DATABASE … TEMPLATE.
/// Templates are named by a hash of the assemblies that hold the models and migrations, so a
/// changed migration gets a new template, and several test processes (assemblies run at once,
/// other worktrees on the shared server) reuse one without a race: the first builds it under a
/// lock (a file lock; a PostgreSQL advisory lock) and publishes it with one atomic rename.
/// The host still runs its migrator at every start; on a copy it finds nothing to do.</summary>
internal static class DatabaseTemplates
{
    /// <summary>Templates of other builds older than this are removed when a new one is made.</summary>
    private static readonly TimeSpan KeepOld = TimeSpan.FromDays(2);

    private static readonly Lazy<string> LazyKey = new(ComputeKey);
    private static readonly Lock Gate = new();
    private static Task<string>? _sqliteTemplate;
    private static Task<string>? _postgresTemplate;

    public static string Key => LazyKey.Value;

    public static string Root => Path.Combine(Path.GetTempPath(), "coordination-tests");

    /// <summary>Copies the migrated SQLite files into <paramref name="dataDirectory"/>.</summary>
    public static async Task CopySqliteAsync(string dataDirectory)
    {
        Task<string> building;
        lock (Gate)
        {
            // A failed attempt is not kept: the next test tries again.
            building = _sqliteTemplate is { IsFaulted: false, IsCanceled: false } ? _sqliteTemplate : _sqliteTemplate = BuildSqliteTemplateAsync();
        }

        var template = await building;
        // A -wal file is only there if a checkpoint was left undone; the -shm index is rebuilt.
        foreach (var file in Directory.GetFiles(template).Where(f => f.EndsWith(".db", StringComparison.Ordinal) || f.EndsWith(".db-wal", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(dataDirectory, Path.GetFileName(file)));
        }
    }

    /// <summary>Creates the database <paramref name="name"/> as a copy of the migrated template.</summary>
    public static async Task CreatePostgresAsync(string server, string name)
    {
        for (var attempt = 0; ; attempt++)
        {
            var template = await PostgresTemplateAsync(server);
            try
            {
                await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && attempt == 0)
            {
                // Another run removed an old template under us (see KeepOld): make it again.
                lock (Gate)
                {
                    _postgresTemplate = null;
                }
            }
        }
    }

    /// <summary>Applies every migration with the Host's migrator, as a host start does.</summary>
    public static async Task MigrateAsync(Provider provider, string dataDirectory, string? connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Coordination:DataDirectory"] = dataDirectory,
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Coordination"] = connectionString,
        }).Build();
        var database = DatabaseOptions.From(configuration);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddModules(configuration, database, ModuleList.All, typeof(Program).Assembly);
        services.AddCoordinationIdentity(configuration, database);
        await using var provided = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provided);
        if (provider == Provider.Sqlite)
        {
            foreach (var file in Directory.GetFiles(dataDirectory, "*.db"))
            {
                using var pooled = new SqliteConnection(database.SqliteConnectionString(Path.GetFileNameWithoutExtension(file)));
                SqliteConnection.ClearPool(pooled);
            }
        }
    }

    private static Task<string> PostgresTemplateAsync(string server)
    {
        lock (Gate)
        {
            return _postgresTemplate is { IsFaulted: false, IsCanceled: false } ? _postgresTemplate : _postgresTemplate = BuildPostgresTemplateAsync(server);
        }
    }

    private static async Task<string> BuildSqliteTemplateAsync()
    {
        var templates = Path.Combine(Root, "templates");
        Directory.CreateDirectory(templates);
        var final = Path.Combine(templates, "sqlite-" + Key);
        if (Directory.Exists(final))
        {
            return final;
        }

        await using var held = await LockFileAsync(Path.Combine(templates, "sqlite-" + Key + ".lock"));
        if (Directory.Exists(final))
        {
            return final;
        }

        var building = Path.Combine(templates, $"building-{Key}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(building);
        await MigrateAsync(Provider.Sqlite, building, null);
        Directory.Move(building, final);
        foreach (var old in Directory.GetFileSystemEntries(templates).Where(d => !d.StartsWith(final, StringComparison.Ordinal) && Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow - KeepOld))
        {
            TryDelete(old);
        }

        return final;
    }

    private static async Task<string> BuildPostgresTemplateAsync(string server)
    {
        var template = "tmpl_" + Key;
        // No command timeout: waiting for the lock lasts as long as another process takes to build.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        if (await ExistsAsync(connection, template))
        {
            return template;
        }

        // Held until this connection closes: other processes wait here for the one that builds.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({BitConverter.ToInt64(Convert.FromHexString(Key).AsSpan(0, 8))})");
        if (await ExistsAsync(connection, template))
        {
            return template;
        }

        foreach (var abandoned in await NamesAsync(connection, $"SELECT datname FROM pg_database WHERE datname LIKE 'tmpb\\_{Key}\\_%'"))
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {abandoned} WITH (FORCE)");
        }

        var building = $"tmpb_{Key}_{Guid.NewGuid():N}";
        await ExecuteAsync(connection, $"CREATE DATABASE {building}");
        var buildingConnection = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ConnectionString;
        var scratch = Directory.CreateTempSubdirectory("coordination-template-").FullName;
        await MigrateAsync(Provider.Postgres, scratch, buildingConnection);
        TryDelete(scratch);
        // No connections to a template: CREATE DATABASE … TEMPLATE then never waits for one.
        await ExecuteAsync(connection, $"ALTER DATABASE {building} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        await ExecuteAsync(connection, $"COMMENT ON DATABASE {building} IS '{DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)}'");
        await ExecuteAsync(connection, $"ALTER DATABASE {building} RENAME TO {template}");

        var old = await NamesAsync(connection, "SELECT datname FROM pg_database WHERE datname LIKE 'tmpl\\_%' AND datname <> '" + template + "' AND coalesce(shobj_description(oid, 'pg_database'), '') < '" + (DateTime.UtcNow - KeepOld).ToString("O", CultureInfo.InvariantCulture) + "'");
        foreach (var name in old)
        {
            await ExecuteAsync(connection, $"ALTER DATABASE {name} WITH IS_TEMPLATE false");
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {name}");
        }

        return template;
    }

    /// <summary>A hash of what decides the schema: the assemblies with the models and their
    /// migrations (their MVIDs change with their content) and the EF Core providers.</summary>
    private static string ComputeKey()
    {
        var assemblies = ModuleList.All.Select(m => m.GetType().Assembly)
            .Append(typeof(Program).Assembly)
            .Append(typeof(ModuleDbContext).Assembly)
            .Distinct()
            .OrderBy(a => a.FullName, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var assembly in assemblies)
        {
            text.Append(assembly.FullName).Append(' ').Append(assembly.ManifestModule.ModuleVersionId).Append('\n');
        }

        foreach (var provider in new[] { typeof(Microsoft.EntityFrameworkCore.DbContext), typeof(SqliteConnection), typeof(NpgsqlConnection), typeof(Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions), typeof(Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions) })
        {
            text.Append(provider.Assembly.FullName).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static async Task<FileStream> LockFileAsync(string path)
    {
        // FileShare.None is an exclusive lock between processes (flock on Linux).
        var until = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string name)
        => (await NamesAsync(connection, $"SELECT datname FROM pg_database WHERE datname = '{name}'")).Count > 0;

    private static async Task<List<string>> NamesAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        // Copying a database may wait for the server on a busy machine.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { CommandTimeout = 300 }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            else
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
