using System.Net;

namespace Coordination.Host.Tests;

/// <summary>On SQLite one process at a time uses a data folder (README): a second one refuses to
/// start and says why, and the folder is free again once the first is gone, even by a crash.</summary>
[TestFixture]
public sealed class DataFolderLockTests
{
    [Test]
    [CancelAfter(600_000)]
    public async Task A_second_process_on_the_same_SQLite_data_folder_refuses_to_start()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        await using var first = HostProcess.Start(database, null);
        await first.WaitUntilReadyAsync();

        await using var second = HostProcess.Start(database, null);
        Assert.That(await second.WaitForExitAsync(TimeSpan.FromSeconds(90)), Is.True, "the second process stopped by itself");
        Assert.Multiple(async () =>
        {
            Assert.That(second.ExitCode, Is.Not.Zero);
            Assert.That(second.Tail(), Does.Contain("Another Coordination process is using the data folder").And.Contain("PostgreSQL"));
            Assert.That((await first.Client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first one runs on");
        });

        first.Kill();
        await using var third = HostProcess.Start(database, null);
        await third.WaitUntilReadyAsync();
    }

    [Test]
    public async Task A_second_host_in_one_process_is_refused_too_and_the_folder_is_free_after_a_stop()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        await using (var first = new CoordinationApp(database))
        {
            _ = first.Server;
            await using var second = new CoordinationApp(database);
            Assert.That(() => second.Server, Throws.InvalidOperationException.With.Message.Contain("is using the data folder"));
        }

        await using var again = new CoordinationApp(database);
        Assert.That((await again.CreateClient().GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
