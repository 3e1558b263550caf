using System.Globalization;
using Coordination.Shared.Jobs;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Operations.Backups;

/// <summary>Configuration section Coordination:Backups (the daily backup; off without a folder).</summary>
internal sealed class BackupOptions
{
    /// <summary>Where the daily backups go, each in a folder of its own; none: no daily backup.</summary>
    public string? Folder { get; set; }

    /// <summary>How many daily backups are kept; older ones are deleted after a new one is whole.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>When (cron, Europe/Helsinki).</summary>
    public string Cron { get; set; } = "30 2 * * *";
}

/// <summary>The daily backup: a new folder coordination-&lt;UTC time&gt; under the configured
/// folder, then the oldest beyond the retention count removed.</summary>
internal sealed class BackupJob(BackupWriter writer, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupJob> logger) : IRecurringJob
{
    public const string Id = "host:backup";

    private const string Prefix = "coordination-";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.Value.Folder ?? throw new InvalidOperationException("Coordination:Backups:Folder is not set."));
        Directory.CreateDirectory(root);
        var folder = Path.Combine(root, Prefix + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture));
        var manifest = await writer.WriteAsync(folder, cancellationToken);
        logger.LogInformation("Daily backup written to {Folder} ({Databases} databases)", folder, manifest.Databases.Count);

        // Only whole backups of this job count and go: folders with our prefix and a manifest.
        var whole = Directory.GetDirectories(root, Prefix + "*")
            .Where(d => !d.EndsWith(".partial", StringComparison.Ordinal) && File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var old in whole.Take(Math.Max(0, whole.Count - Math.Max(1, options.Value.Keep))))
        {
            Directory.Delete(old, recursive: true);
            logger.LogInformation("Removed the old backup {Folder}", old);
        }
    }
}
