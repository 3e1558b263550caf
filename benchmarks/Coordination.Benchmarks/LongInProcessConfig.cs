using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Coordination.Benchmarks;

/// <summary>In-process like [InProcess], with 30 minutes instead of BenchmarkDotNet's 5 for one
/// benchmark: on the shared machine a loaded run of a 10,000-message send or a million-answer
/// export outlasted the default and was aborted.</summary>
internal sealed class LongInProcessConfig : ManualConfig
{
    public LongInProcessConfig() => AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
}
