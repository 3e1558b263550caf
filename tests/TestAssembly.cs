using System.Runtime.CompilerServices;
using NUnit.Framework;

// Compiled into every test assembly (tests/Directory.Build.props).

// Fixtures of one assembly run side by side, the tests of a fixture one after another: most of
// a test's time is spent waiting for a host, the database or the SMTP server, not computing.
// Each fixture has its own app and database. A fixture that changes process-wide state
// (environment variables, static configuration, a Hangfire server in this process) is marked
// [NonParallelizable]. build/test.sh may set the number of workers (NUnit.NumberOfTestWorkers).
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]

namespace Coordination.Testing.Assembly;

/// <summary>In CI (CI=true), a snapshot test whose snapshot file is missing fails instead of
/// writing the file and passing (Snapshooter's strict mode): snapshots are committed and
/// reviewed like code.</summary>
internal static class StrictSnapshots
{
#pragma warning disable CA2255 // The test assembly is the application here: set before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => Apply(Environment.GetEnvironmentVariable("CI"));

    internal static void Apply(string? ci)
    {
        if ((string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1")
            && Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE") is null)
        {
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "true");
        }
    }
}
