namespace Coordination.Benchmarks;

/// <summary>BenchmarkDotNet runs from a folder of its own: the repository is found by its
/// solution file, and WebApplicationFactory is told where the host's content is.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Points the in-process host at Host/Coordination.Host (its wwwroot and settings).</summary>
    public static void UseHostContentRoot()
        => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COORDINATION_HOST", System.IO.Path.Combine(Path, "Host", "Coordination.Host"));

    private static string Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "Coordination.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? Directory.GetCurrentDirectory();
    }
}
