using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Coordination.Host.Jobs;

/// <summary>Hangfire's log provider is one per process, set by the host that configured Hangfire
/// last. Where several hosts share a process (the tests run fixtures side by side) it can outlive
/// that host's logger factory; a Hangfire component made afterwards then logs nowhere instead of
/// failing the request that made it.</summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
