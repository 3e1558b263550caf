using BenchmarkDotNet.Running;

namespace Coordination.Benchmarks;

/// <summary>dotnet run -c Release --project benchmarks/Coordination.Benchmarks -- --filter '*'</summary>
internal static class BenchmarkProgram
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
