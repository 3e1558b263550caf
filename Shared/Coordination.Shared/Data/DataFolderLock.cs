namespace Coordination.Shared.Data;

/// <summary>
/// On SQLite one process at a time may use a data folder: its jobs run from in-memory Hangfire
/// storage that a second process would not see (every recurring job would run twice), and its
/// rate limits and signals are per process. Several instances are for PostgreSQL. The lock is an
/// exclusive lock on <c>instance.lock</c> in the data folder, which the operating system
/// releases when the process ends, also after a crash.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "instance.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the data folder for this process on SQLite (null on PostgreSQL); throws
    /// when another process has it.</summary>
    public static DataFolderLock? Acquire(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var path = Path.Combine(database.DataDirectory, FileName);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux, a share lock on Windows.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            return new DataFolderLock(file);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Another Coordination process is using the data folder {database.DataDirectory}. With SQLite only one instance may run on a data folder; "
                + "to run several instances use PostgreSQL (Database__Provider=Postgres).", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
