using System.Security.Cryptography;
using System.Text.Json;

namespace Coordination.Host.Operations.Backups;

/// <summary>manifest.json of a backup folder: when the snapshot was taken, by which version,
/// and for every file its SHA-256 (and for a database the migrations it has).</summary>
internal sealed record BackupManifest(int Format, DateTime TakenAt, string AppVersion, string Provider, IReadOnlyList<BackedUpDatabase> Databases, IReadOnlyList<BackedUpFile> Files)
{
    public const string FileName = "manifest.json";

    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }

    /// <summary>The manifest of <paramref name="folder"/>, or null when there is none (or it is not one).</summary>
    public static async Task<BackupManifest?> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>One SQLite file: the database's name (a module, or "identity"), its file name in
/// the backup, and the migrations applied to it, oldest first.</summary>
internal sealed record BackedUpDatabase(string Name, string File, long Bytes, string Sha256, IReadOnlyList<string> Migrations);

/// <summary>Another file (a Data Protection key), by its path relative to the backup folder.</summary>
internal sealed record BackedUpFile(string Path, long Bytes, string Sha256);
