using System.Globalization;
using Coordination.Host.Identity;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Operations.Backups;

/// <summary>What a restore did: the files put in place, and where the replaced ones went.</summary>
internal sealed record RestoreResult(BackupManifest Manifest, string? ReplacedFolder, IReadOnlyList<string> CreatedEmpty);

/// <summary>
/// Puts a backup in place of a stopped site's data: refuses a folder without a whole manifest,
/// a file whose checksum differs, a database this version does not know or one with migrations
/// newer than the code (the code would not understand it), and a data folder a site runs on.
/// The files it replaces are moved aside, not deleted. An older backup is brought up to date by
/// the migrations the site runs when it starts.
/// </summary>
internal sealed class BackupRestorer(DatabaseOptions database, ModuleCatalog catalog, IServiceProvider services, TimeProvider clock, ILogger<BackupRestorer> logger)
{
    public const string PostgresRefusal =
        "On PostgreSQL restore the database with pg_restore as the README's operator page shows (docs/OPERATIONS.md, 'Backups on PostgreSQL'). "
        + "This command restores a SQLite data folder.";

    public async Task<RestoreResult> RestoreAsync(string folder, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new OperationRefusedException(PostgresRefusal);
        }

        folder = Path.GetFullPath(folder);
        var manifest = await BackupManifest.ReadAsync(folder, cancellationToken)
            ?? throw new OperationRefusedException($"{folder} has no readable {BackupManifest.FileName}: it is not a (whole) backup.");
        if (manifest.Format > BackupManifest.CurrentFormat || manifest.Provider != nameof(DatabaseProvider.Sqlite))
        {
            throw new OperationRefusedException($"The backup's format ({manifest.Format}, {manifest.Provider}) is not one this version reads: it was made by {manifest.AppVersion}.");
        }

        await CheckFilesAsync(folder, manifest, cancellationToken);
        var known = KnownMigrations();
        CheckVersions(folder, manifest, known);

        using var siteLock = SiteLock.ForRestore(database)
            ?? throw new OperationRefusedException($"A site is running on {database.DataDirectory}: stop it first (e.g. systemctl stop coordination), then restore.");
        var replaced = MoveAside(known.Keys);
        foreach (var backedUp in manifest.Databases)
        {
            var target = database.SqliteFile(backedUp.Name);
            File.Copy(Path.Combine(folder, backedUp.File), target + ".restoring", overwrite: true);
            File.Move(target + ".restoring", target, overwrite: true);
        }

        foreach (var file in manifest.Files)
        {
            var target = Path.Combine(database.DataDirectory, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(folder, file.Path), target, overwrite: true);
        }

        ReleaseClaims(manifest);
        var createdEmpty = known.Keys.Except(manifest.Databases.Select(d => d.Name)).Order(StringComparer.Ordinal).ToList();
        logger.LogInformation("Restored the backup of {TakenAt:o} into {DataDirectory}", manifest.TakenAt, database.DataDirectory);
        return new RestoreResult(manifest, replaced, createdEmpty);
    }

    /// <summary>Every file is there with the size and SHA-256 the manifest gives.</summary>
    private static async Task CheckFilesAsync(string folder, BackupManifest manifest, CancellationToken cancellationToken)
    {
        foreach (var (path, sha256) in manifest.Databases.Select(d => (d.File, d.Sha256)).Concat(manifest.Files.Select(f => (f.Path, f.Sha256))))
        {
            var full = Path.GetFullPath(Path.Combine(folder, path));
            if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new OperationRefusedException($"The manifest names a file outside the backup folder: {path}.");
            }

            if (!File.Exists(full))
            {
                throw new OperationRefusedException($"{path} is missing from the backup.");
            }

            if (!string.Equals(await BackupManifest.Sha256Async(full, cancellationToken), sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new OperationRefusedException($"{path} does not match its checksum in the manifest: the backup is damaged or was changed.");
            }
        }
    }

    /// <summary>Each database of the backup is one this version has, at migrations it knows, and
    /// the file says the same as the manifest.</summary>
    private static void CheckVersions(string folder, BackupManifest manifest, Dictionary<string, HashSet<string>> known)
    {
        foreach (var backedUp in manifest.Databases)
        {
            if (!known.TryGetValue(backedUp.Name, out var migrations))
            {
                throw new OperationRefusedException($"The backup has a database '{backedUp.Name}' that this version does not have: it was made by a newer or another version ({manifest.AppVersion}).");
            }

            var unknown = backedUp.Migrations.Where(m => !migrations.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new OperationRefusedException(
                    $"The backup is newer than this version: {backedUp.Name} has migrations this code does not know ({string.Join(", ", unknown)}). Install the version that made it ({manifest.AppVersion}) or a later one.");
            }

            using var connection = BackupWriter.Open(Path.Combine(folder, backedUp.File), SqliteOpenMode.ReadOnly);
            if (!BackupWriter.Query(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId").SequenceEqual(backedUp.Migrations))
            {
                throw new OperationRefusedException($"{backedUp.File} does not have the migrations its manifest lists.");
            }

            if (BackupWriter.Query(connection, "PRAGMA integrity_check") is not ["ok"])
            {
                throw new OperationRefusedException($"{backedUp.File} fails SQLite's integrity check.");
            }
        }
    }

    /// <summary>The migrations the code has, per database.</summary>
    private Dictionary<string, HashSet<string>> KnownMigrations()
    {
        using var scope = services.CreateScope();
        var contexts = new List<(string Name, DbContext Db)> { (IdentityDb.Name, scope.ServiceProvider.GetRequiredService<IdentityDb>()) };
        contexts.AddRange(catalog.Databases.Select(d => (Name: d.Module, Db: (DbContext)scope.ServiceProvider.GetRequiredService(d.ContextType))));
        return contexts.ToDictionary(c => c.Name.ToLowerInvariant(), c => c.Db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Moves the data folder's current databases (with their WAL files) and keys into
    /// before-restore-…; returns that folder, or null when there was nothing to move.</summary>
    private string? MoveAside(IEnumerable<string> names)
    {
        var aside = Path.Combine(database.DataDirectory, "before-restore-" + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        var moved = false;
        foreach (var path in names.Select(database.SqliteFile).SelectMany(db => new[] { db, db + "-wal", db + "-shm" }).Where(File.Exists))
        {
            Directory.CreateDirectory(aside);
            File.Move(path, Path.Combine(aside, Path.GetFileName(path)));
            moved = true;
        }

        var keys = Path.Combine(database.DataDirectory, "keys");
        if (Directory.Exists(keys))
        {
            Directory.CreateDirectory(aside);
            Directory.Move(keys, Path.Combine(aside, "keys"));
            moved = true;
        }

        return moved ? aside : null;
    }

    /// <summary>Outbox rows claimed by the process that was running at the backup are free to
    /// deliver at once (that process is not this site's); delivered rows stay delivered.</summary>
    private void ReleaseClaims(BackupManifest manifest)
    {
        var modules = catalog.Databases.Select(d => d.Module.ToLowerInvariant()).ToHashSet();
        foreach (var backedUp in manifest.Databases.Where(d => modules.Contains(d.Name)))
        {
            using var connection = BackupWriter.Open(database.SqliteFile(backedUp.Name));
            BackupWriter.Execute(connection, "UPDATE OutboxMessages SET ClaimToken = NULL, ClaimedUntil = NULL WHERE ProcessedAt IS NULL AND ClaimToken IS NOT NULL");
        }
    }
}
