using Microsoft.Extensions.Configuration;

namespace Coordination.Shared.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: a SQLite file per module under <see cref="DataDirectory"/>
/// (default), or one PostgreSQL database with a schema per module.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string DataDirectory, string? PostgresConnectionString)
{
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Coordination:DataDirectory"] is { Length: > 0 } dir ? dir : "data");
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) || providerText.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Sqlite
            : providerText.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || providerText.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : throw new InvalidOperationException($"Database:Provider '{providerText}' is unknown: use Sqlite or Postgres.");
        var connectionString = configuration.GetConnectionString("Coordination");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Coordination is empty.");
        }

        Directory.CreateDirectory(dataDirectory);
        return new DatabaseOptions(provider, dataDirectory, provider == DatabaseProvider.Postgres ? WithPoolWait(connectionString!) : connectionString);
    }

    /// <summary>A request waits up to 30 s for a pooled PostgreSQL connection (Npgsql's default is
    /// 15 s), as it waits 30 s for SQLite's write lock: a burst of registrations to one event queues
    /// on the event's row lock with every pooled connection taken, and under load the last of them
    /// otherwise got a 500. A Timeout in the configured string is kept.</summary>
    private static string WithPoolWait(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Timeout") ? connectionString : connectionString.TrimEnd(';') + ";Timeout=30";
    }

    public string SqliteConnectionString(string module)
        => $"Data Source={SqliteFile(module)};Pooling=True;Default Timeout=30";

    /// <summary>The SQLite file of <paramref name="module"/> (or of the identity database).</summary>
    public string SqliteFile(string module) => Path.Combine(DataDirectory, module.ToLowerInvariant() + ".db");

    public static string Schema(string module) => module.ToLowerInvariant();
}
