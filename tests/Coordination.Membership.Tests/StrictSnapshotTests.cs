using Coordination.Testing.Assembly;
using Snapshooter;
using Snapshooter.Exceptions;
using Snapshooter.NUnit;

namespace Coordination.Membership.Tests;

/// <summary>With CI=true a snapshot test whose snapshot file is missing fails (TestAssembly.cs
/// turns on Snapshooter's strict mode); elsewhere the missing file is written and the test passes.
/// Changes the process's environment, so it runs alone.</summary>
[NonParallelizable]
public sealed class StrictSnapshotTests
{
    private string? _strict;
    private string _folder = null!;

    [SetUp]
    public void Remember()
    {
        _strict = Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE");
        _folder = Directory.CreateTempSubdirectory("coordination-snapshots-").FullName;
        Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", null);
    }

    [TearDown]
    public void Restore()
    {
        Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", _strict);
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Written()
        => [.. Directory.GetFiles(_folder, "Missing.snap", SearchOption.AllDirectories).Where(f => !f.Contains("__mismatch__", StringComparison.Ordinal))];

    [Test]
    public void In_CI_a_missing_snapshot_fails()
    {
        StrictSnapshots.Apply("true");
        Assert.Throws<SnapshotNotFoundException>(() => Snapshot.Match("{}", new SnapshotFullName("Missing.snap", _folder)));
        Assert.That(Written(), Is.Empty, "no snapshot written (only the mismatch, for a look)");
    }

    [Test]
    public void Outside_CI_a_missing_snapshot_is_written()
    {
        StrictSnapshots.Apply(null);
        Snapshot.Match("{}", new SnapshotFullName("Missing.snap", _folder));
        Assert.That(Written(), Has.Length.EqualTo(1));
    }
}
