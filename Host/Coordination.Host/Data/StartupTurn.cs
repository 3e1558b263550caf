using Coordination.Shared.Data;
using Npgsql;

namespace Coordination.Host.Data;

/// <summary>On PostgreSQL, instances that start together migrate and seed one after another.</summary>
/// <remarks>EF's migration lock does nothing on PostgreSQL (Npgsql's history repository): two
/// instances starting on a new or older database applied the same migration twice and one crashed,
/// and both could create the same roles and first coordinator. A session advisory lock on a
/// connection of its own (not pooled, so that the lock ends with it whatever happens) makes them
/// take turns; the second then finds nothing to apply or create. SQLite needs none: one process
/// holds a data folder (DataFolderLock).</remarks>
internal sealed class StartupTurn : IAsyncDisposable
{
    private const long Lock = 7_301_202_612;
    private readonly NpgsqlConnection? _connection;

    private StartupTurn(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupTurn> TakeAsync(DatabaseOptions database, CancellationToken cancellationToken = default)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new StartupTurn(null);
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.PostgresConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Waits as long as the other instance migrates (no command timeout: on a loaded machine that took over 30 s).
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Lock})", connection) { CommandTimeout = 0 };
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new StartupTurn(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}
