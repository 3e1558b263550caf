using Coordination.Host.Operations.Backups;

namespace Coordination.Host.Operations;

/// <summary>
/// <c>backup &lt;folder&gt;</c> and <c>restore &lt;folder&gt;</c>: run instead of the site, with the
/// site's configuration (data folder, provider), and exit with 0 when done, 1 when refused.
/// </summary>
internal sealed record OperationsCommand(string Verb, string? Folder)
{
    /// <summary>The command in <paramref name="args"/> (null: run the site) and the arguments
    /// left for the host's configuration.</summary>
    public static (OperationsCommand? Command, string[] HostArgs) Parse(string[] args)
        => args is [("backup" or "restore") and var verb, ..]
            ? (new OperationsCommand(verb, args.Length > 1 ? args[1] : null), args[Math.Min(2, args.Length)..])
            : (null, args);

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(Folder))
        {
            await Console.Error.WriteLineAsync($"Usage: Coordination.Host {Verb} <folder>");
            return 2;
        }

        try
        {
            if (Verb == "backup")
            {
                var manifest = await services.GetRequiredService<BackupWriter>().WriteAsync(Folder, cancellationToken);
                Console.WriteLine($"Backup of {manifest.TakenAt:o} written to {Path.GetFullPath(Folder)}: {manifest.Databases.Count} databases, {manifest.Files.Count} other files.");
                return 0;
            }

            var result = await services.GetRequiredService<BackupRestorer>().RestoreAsync(Folder, cancellationToken);
            Console.WriteLine($"Restored the backup of {result.Manifest.TakenAt:o} (version {result.Manifest.AppVersion}).");
            if (result.ReplacedFolder is not null)
            {
                Console.WriteLine($"The files it replaced are in {result.ReplacedFolder}.");
            }

            if (result.CreatedEmpty.Count > 0)
            {
                Console.WriteLine($"Not in the backup, created empty at start: {string.Join(", ", result.CreatedEmpty)}.");
            }

            Console.WriteLine("Start the site: it applies any newer migrations, then delivers what the outboxes still hold.");
            return 0;
        }
        catch (OperationRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"{Verb} refused: {ex.Message}");
            return 1;
        }
    }
}
