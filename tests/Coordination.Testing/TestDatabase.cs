using Npgsql;
using NUnit.Framework;

namespace Coordination.Testing;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>The fixture parameters every integration test runs with: SQLite always, PostgreSQL
/// in the "Postgres" category (build/test.sh starts a server and sets COORDINATION_TEST_POSTGRES).</summary>
public static class Providers
{
    public static IEnumerable<TestFixtureData> All
    {
        get
        {
            yield return new TestFixtureData(Provider.Sqlite).SetArgDisplayNames("Sqlite");
            var postgres = new TestFixtureData(Provider.Postgres).SetArgDisplayNames("Postgres");
            postgres.Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, "Postgres");
            yield return postgres;
        }
    }
}

/// <summary>A fresh database for one test app: a temporary data folder with SQLite files, or a
/// new PostgreSQL database. The data folder exists in both cases (keys, mail pickup).
/// <see cref="CreateAsync"/> gives a copy of a migrated template (see DatabaseTemplates), with
/// no rows; <see cref="CreateEmptyAsync"/> gives nothing at all, for tests of the migrator.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(Provider provider, string dataDirectory, string? connectionString, string? databaseName)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        DatabaseName = databaseName;
    }

    public Provider Provider { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    private string? DatabaseName { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("COORDINATION_TEST_POSTGRES");

    /// <summary>A database with every migration applied and no rows.</summary>
    public static Task<TestDatabase> CreateAsync(Provider provider) => CreateAsync(provider, migrated: true);

    /// <summary>A database with nothing in it: the Host's migrator makes everything at start.</summary>
    public static Task<TestDatabase> CreateEmptyAsync(Provider provider) => CreateAsync(provider, migrated: false);

    private static async Task<TestDatabase> CreateAsync(Provider provider, bool migrated)
    {
        var directory = Path.Combine(DatabaseTemplates.Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (provider == Provider.Sqlite)
        {
            if (migrated)
            {
                await DatabaseTemplates.CopySqliteAsync(directory);
            }

            return new TestDatabase(provider, directory, null, null);
        }

        var server = PostgresServer
            ?? throw new InvalidOperationException("COORDINATION_TEST_POSTGRES is not set: run the tests with build/test.sh, which starts PostgreSQL, or filter out TestCategory=Postgres.");
        var name = "t_" + Guid.NewGuid().ToString("N");
        if (migrated)
        {
            await DatabaseTemplates.CreatePostgresAsync(server, name);
        }
        else
        {
            await using var connection = new NpgsqlConnection(Admin(server));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, directory, builder.ConnectionString, name);
    }

    /// <summary>The server's connection for creating and dropping databases, which may wait long on a busy machine.</summary>
    private static string Admin(string server) => new NpgsqlConnectionStringBuilder(server) { CommandTimeout = 300 }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (DatabaseName is not null && PostgresServer is { } server)
        {
            // Only this database's pool: other apps of this process keep theirs.
            await using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var connection = new NpgsqlConnection(Admin(server));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        var files = new Coordination.Shared.Data.DatabaseOptions(Coordination.Shared.Data.DatabaseProvider.Sqlite, DataDirectory, null);
        foreach (var file in Directory.Exists(DataDirectory) ? Directory.GetFiles(DataDirectory, "*.db") : [])
        {
            using var pooled = new Microsoft.Data.Sqlite.SqliteConnection(files.SqliteConnectionString(Path.GetFileNameWithoutExtension(file)));
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned by the OS.
        }
    }
}
