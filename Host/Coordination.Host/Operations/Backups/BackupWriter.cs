using System.Diagnostics;
using System.Reflection;
using Coordination.Host.Identity;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.Data.Sqlite;

namespace Coordination.Host.Operations.Backups;

/// <summary>
/// Takes one consistent snapshot of every SQLite file (each module's, the identity database's)
/// and the Data Protection keys while the site runs.
/// <para>One moment for all files: the writer takes the write lock of every file (BEGIN
/// IMMEDIATE, in a fixed order), so that no commit can happen anywhere; at that moment it opens a
/// read transaction on each file, then lets the writers go — they wait a few milliseconds.
/// SQLite's online backup API then copies each file from its read transaction, which in WAL
/// mode sees exactly the state of that moment however much is written meanwhile. So an outbox
/// row marked delivered is never in the backup without the subscriber's inbox row, and a row a
/// module refers to is never missing from the other module's file. A lock that cannot be had
/// within a second (a writer holding one file while it waits for another) releases every lock
/// taken so far and tries again, so the backup can never deadlock with the site.</para>
/// </summary>
internal sealed class BackupWriter(DatabaseOptions database, ModuleCatalog catalog, TimeProvider clock, ILogger<BackupWriter> logger)
{
    public const string PostgresRefusal =
        "On PostgreSQL the site's data and its Data Protection keys are all in the one database: back it up with pg_dump as the README's "
        + "operator page shows (docs/OPERATIONS.md, 'Backups on PostgreSQL'). This command backs up the SQLite data folder.";

    /// <summary>How long the writer keeps trying to take every write lock at once.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Every database of the site: the identity database first, then the modules'.</summary>
    public static IReadOnlyList<string> DatabaseNames(ModuleCatalog catalog)
        => [IdentityDb.Name.ToLowerInvariant(), .. catalog.Databases.Select(d => d.Module.ToLowerInvariant())];

    public static string AppVersion
        => typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(BackupWriter).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Writes a backup into <paramref name="folder"/>, which must be new or empty.</summary>
    public async Task<BackupManifest> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new OperationRefusedException(PostgresRefusal);
        }

        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new OperationRefusedException($"{folder} is not empty: give a new folder for the backup.");
        }

        var sources = DatabaseNames(catalog).Select(name => (Name: name, Path: database.SqliteFile(name))).ToList();
        if (sources.FirstOrDefault(s => !File.Exists(s.Path)) is { Path: not null } missing)
        {
            throw new OperationRefusedException($"{missing.Path} does not exist: is {database.DataDirectory} the site's data folder (Coordination__DataDirectory)?");
        }

        // Written beside the target and renamed at the end: a folder without .partial is whole.
        var work = folder + ".partial";
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var snapshots = new List<SqliteConnection>();
        try
        {
            var (takenAt, held) = await OpenSnapshotsAsync(sources.Select(s => s.Path).ToList(), snapshots, () => CopyKeys(work), cancellationToken);
            logger.LogInformation("Backup snapshot taken at {TakenAt:o}; writers waited {HeldMs} ms", takenAt, held.TotalMilliseconds);
            var databases = new List<BackedUpDatabase>();
            for (var i = 0; i < sources.Count; i++)
            {
                databases.Add(await CopyAsync(snapshots[i], sources[i].Name, work, cancellationToken));
            }

            var files = new List<BackedUpFile>();
            foreach (var path in Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith(".db", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                files.Add(new BackedUpFile(Path.GetRelativePath(work, path).Replace('\\', '/'), new FileInfo(path).Length, await BackupManifest.Sha256Async(path, cancellationToken)));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, takenAt, AppVersion, nameof(DatabaseProvider.Sqlite), databases, files);
            await manifest.WriteAsync(work, cancellationToken);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder);
            }

            Directory.Move(work, folder);
            return manifest;
        }
        catch
        {
            Close(snapshots);
            Directory.Delete(work, recursive: true);
            throw;
        }
        finally
        {
            Close(snapshots);
        }
    }

    /// <summary>Takes every write lock, opens a read transaction on each file in
    /// <paramref name="snapshots"/>, runs <paramref name="underLock"/>, and lets the writers go.
    /// Returns the moment of the snapshot and how long writers were held.</summary>
    private async Task<(DateTime TakenAt, TimeSpan Held)> OpenSnapshotsAsync(IReadOnlyList<string> paths, List<SqliteConnection> snapshots, Action underLock, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + LockTimeout;
        for (var attempt = 1; ; attempt++)
        {
            var writers = new List<SqliteConnection>();
            try
            {
                foreach (var path in paths)
                {
                    var writer = Open(path);
                    writers.Add(writer);
                    Execute(writer, "BEGIN IMMEDIATE", timeoutSeconds: 1);
                }

                var held = Stopwatch.StartNew();
                var takenAt = clock.GetUtcNow().UtcDateTime;
                foreach (var path in paths)
                {
                    var snapshot = Open(path);
                    snapshots.Add(snapshot);
                    Execute(snapshot, "BEGIN");
                    // A deferred transaction starts reading, and so fixes its snapshot, at its first read.
                    Execute(snapshot, "SELECT COUNT(*) FROM sqlite_schema");
                }

                underLock();
                return (takenAt, held.Elapsed);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
            {
                // SQLITE_BUSY or SQLITE_LOCKED: a writer is in the way; let everything go and retry.
                Close(snapshots);
                if (clock.GetUtcNow() > deadline)
                {
                    throw new OperationRefusedException($"The databases were never all free at once within {LockTimeout.TotalSeconds:0} s (a long write is running): try again.");
                }

                logger.LogInformation("Backup: a database was busy (attempt {Attempt}); trying again", attempt);
            }
            finally
            {
                foreach (var writer in writers)
                {
                    writer.Dispose(); // closing rolls the empty write transaction back
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 200)), cancellationToken);
        }
    }

    /// <summary>Copies one file from its read transaction with the online backup API and
    /// reads back the migrations and the integrity of the copy.</summary>
    private static async Task<BackedUpDatabase> CopyAsync(SqliteConnection snapshot, string name, string folder, CancellationToken cancellationToken)
    {
        var file = name + ".db";
        var target = Path.Combine(folder, file);
        List<string> migrations;
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            copy.Open();
            snapshot.BackupDatabase(copy);
            // A single file, whatever the site's journal mode: the site turns WAL on again at start.
            Execute(copy, "PRAGMA journal_mode=DELETE");
            var check = Query(copy, "PRAGMA integrity_check");
            if (check is not ["ok"])
            {
                throw new InvalidOperationException($"The copy of {name} failed its integrity check: {string.Join("; ", check.Take(5))}");
            }

            migrations = Query(copy, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");
        }

        Execute(snapshot, "ROLLBACK");
        return new BackedUpDatabase(name, file, new FileInfo(target).Length, await BackupManifest.Sha256Async(target, cancellationToken), migrations);
    }

    /// <summary>The Data Protection key ring (XML files); written only when a key is made, so a
    /// copy under the locks is one of a consistent ring.</summary>
    private void CopyKeys(string folder)
    {
        var keys = Path.Combine(database.DataDirectory, "keys");
        if (!Directory.Exists(keys))
        {
            return;
        }

        var target = Directory.CreateDirectory(Path.Combine(folder, "keys")).FullName;
        foreach (var file in Directory.EnumerateFiles(keys))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    private static void Close(List<SqliteConnection> connections)
    {
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        connections.Clear();
    }

    /// <summary>A connection of its own (no pool), so that disposing it releases its locks.</summary>
    internal static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, int timeoutSeconds = 30)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        command.ExecuteNonQuery();
    }

    internal static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
