using Coordination.Shared.Data;

namespace Coordination.Host.Operations;

/// <summary>
/// Tells a running site from a stopped one by a lock on <c>data/site.lock</c>: a running site
/// (and the migrate command) holds it shared, a restore holds it alone. The lock is the
/// operating system's (flock on Linux), so it goes with the process, even a killed one.
/// </summary>
internal sealed class SiteLock : IDisposable
{
    public const string FileName = "site.lock";

    private readonly FileStream _file;

    private SiteLock(FileStream file) => _file = file;

    /// <summary>Held by a running site; throws when a restore holds the data folder.</summary>
    public static SiteLock ForRunningSite(DatabaseOptions database)
        => TryTake(database, FileShare.ReadWrite) ?? throw new InvalidOperationException(
            $"The data folder {database.DataDirectory} is being restored: start the site when the restore has finished.");

    /// <summary>Held by a restore; null when a site (or another restore) uses the data folder.</summary>
    public static SiteLock? ForRestore(DatabaseOptions database) => TryTake(database, FileShare.None);

    private static SiteLock? TryTake(DatabaseOptions database, FileShare share)
    {
        try
        {
            // .NET on Unix turns FileShare.None into an exclusive flock, a read-only open with
            // sharing into a shared one.
            var access = share == FileShare.None ? FileAccess.ReadWrite : FileAccess.Read;
            return new SiteLock(new FileStream(Path.Combine(database.DataDirectory, FileName), FileMode.OpenOrCreate, access, share));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

internal static class SiteLockExtensions
{
    /// <summary>Holds the SQLite data folder until the site has stopped (a process that ends
    /// earlier, like the migrate command, lets it go with the process).</summary>
    public static void HoldDataFolder(this WebApplication app, DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var held = SiteLock.ForRunningSite(database);
            app.Lifetime.ApplicationStopped.Register(held.Dispose);
        }
    }
}
