namespace Coordination.Benchmarks;

/// <summary>The process's resident memory while an operation runs: the growth is the highest
/// sample above the resident memory at the start (after a full collection), sampled every 5 ms.
/// BenchmarkDotNet's MemoryDiagnoser counts allocations, not what the process holds; the issue's
/// targets are resident memory. Each figure goes to the console and to
/// BenchmarkDotNet.Artifacts/rss.txt.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly string _what;
    private readonly long _start;
    private readonly Timer _timer;
    private long _peak;

    private RssSampler(string what)
    {
        _what = what;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _start = Resident();
        _peak = _start;
        _timer = new Timer(_ => Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Resident())), null, 0, 5);
    }

    public static RssSampler Start(string what) => new(what);

    public void Dispose()
    {
        _timer.Dispose();
        var line = $"{DateTime.UtcNow:u} {_what}: RSS at start {_start / 1048576} MiB, peak {_peak / 1048576} MiB, growth {(_peak - _start) / 1048576} MiB";
        Console.WriteLine("// " + line);
        var artifacts = Path.Combine(RepositoryRoot.Path, "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(artifacts);
        File.AppendAllText(Path.Combine(artifacts, "rss.txt"), line + Environment.NewLine);
    }

    // VmRSS from /proc: Environment.WorkingSet reads the same, but through a Process object each time.
    private static long Resident()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Environment.WorkingSet;
    }

}
