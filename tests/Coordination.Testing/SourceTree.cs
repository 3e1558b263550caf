namespace Coordination.Testing;

/// <summary>The repository's source files, for tests that read them (resources, generated code),
/// never the build output under bin/ and obj/.</summary>
public static class SourceTree
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Coordination.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Coordination.sln not found above the test directory");
    });

    /// <summary>The folder that holds Coordination.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Files matching <paramref name="pattern"/> below <paramref name="top"/> (a folder of
    /// the root), build output left out.</summary>
    public static IEnumerable<string> Files(string top, string pattern)
        => Directory.EnumerateFiles(Path.Combine(Root, top), pattern, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public static string Relative(string path) => Path.GetRelativePath(Root, path);
}
