using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>What `backup` and `restore` refuse, and the daily backup with its retention count
/// (SQLite data folders; PostgreSQL: <see cref="BackupCommandOnPostgresTests"/>).</summary>
public sealed class BackupCommandTests
{
    [Test]
    [CancelAfter(180_000)]
    public async Task Restore_refuses_a_running_site_a_changed_file_and_a_backup_newer_than_the_code_and_restores_a_good_one()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        Guid network;
        await using (var app = new CoordinationApp(database))
        {
            var api = await app.ApiClientAsync(Roles.Coordinator);
            network = (await (await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Ennen varmuuskopiota" } })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        }

        var root = Path.Combine(database.DataDirectory, "..", "backups-" + Guid.NewGuid().ToString("N"));
        var backup = Path.Combine(root, "good");
        var (code, output) = await HostProcess.RunAsync($"backup \"{backup}\"", database);
        Assert.That(code, Is.Zero, output);
        Assert.That((await HostProcess.RunAsync($"backup \"{backup}\"", database)).Output, Does.Contain("is not empty"));

        var port = HostProcess.FreePort();
        var site = HostProcess.Start(database, port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await site.WaitUntilReadyAsync(client);
            var running = await HostProcess.RunAsync($"restore \"{backup}\"", database);
            Assert.That(running.ExitCode, Is.EqualTo(1));
            Assert.That(running.Output, Does.Contain("A site is running on"));
        }
        finally
        {
            site.Kill();
        }

        var changed = Copy(backup, Path.Combine(root, "changed"));
        await File.AppendAllTextAsync(Directory.GetFiles(Path.Combine(changed, "keys")).First(), " ");
        var damaged = await HostProcess.RunAsync($"restore \"{changed}\"", database);
        Assert.That(damaged.ExitCode, Is.EqualTo(1));
        Assert.That(damaged.Output, Does.Contain("does not match its checksum"));

        var newer = Copy(backup, Path.Combine(root, "newer"));
        await FromTheFutureAsync(newer);
        var refused = await HostProcess.RunAsync($"restore \"{newer}\"", database);
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Output, Does.Contain("The backup is newer than this version").And.Contain("29991231000000_FromTheFuture"));

        var notABackup = await HostProcess.RunAsync($"restore \"{root}\"", database);
        Assert.That((notABackup.ExitCode, notABackup.Output.Contains("manifest.json", StringComparison.Ordinal)), Is.EqualTo((1, true)));

        // Nothing was touched by the refusals; now a change after the backup, then the good restore.
        await using (var app = new CoordinationApp(database))
        {
            var api = await app.ApiClientAsync(Roles.Coordinator);
            await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Varmuuskopion jälkeen" } });
        }

        SqliteConnection.ClearAllPools();
        var restored = await HostProcess.RunAsync($"restore \"{backup}\"", database);
        Assert.That(restored.ExitCode, Is.Zero, restored.Output);
        Assert.That(Directory.GetDirectories(database.DataDirectory, "before-restore-*"), Has.Length.EqualTo(1), "the replaced files are kept aside");
        await using (var app = new CoordinationApp(database))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var names = await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().Networks.Select(n => n.Id).ToListAsync();
            Assert.That(names, Is.EqualTo(new[] { network }), "the site has the data of the backup's moment");
        }

        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task The_daily_backup_keeps_the_configured_number_of_whole_backups()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var folder = Path.Combine(database.DataDirectory, "daily");
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Backups:Folder"] = folder, ["Coordination:Backups:Keep"] = "2" });
        _ = app.Server;
        Directory.CreateDirectory(Path.Combine(folder, "coordination-19990101T000000000Z.partial"));
        Directory.CreateDirectory(Path.Combine(folder, "somebody-elses"));
        for (var i = 0; i < 3; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("host:backup", CancellationToken.None);
            await Task.Delay(5);
        }

        var kept = Directory.GetDirectories(folder, "coordination-*").Where(d => !d.EndsWith(".partial", StringComparison.Ordinal)).ToList();
        Assert.That(kept, Has.Count.EqualTo(2));
        Assert.That(kept.Select(k => File.Exists(Path.Combine(k, "manifest.json"))), Is.All.True);
        Assert.That(Directory.Exists(Path.Combine(folder, "somebody-elses")), Is.True, "only the job's own backups are removed");
    }

    private static string Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    /// <summary>Makes the backup look as if a later version had made it: a migration this code
    /// does not have, in the file and in the manifest, with the checksum to match.</summary>
    private static async Task FromTheFutureAsync(string folder)
    {
        var file = Path.Combine(folder, "membership.db");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await command.ExecuteNonQueryAsync();
        }

        var manifestPath = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;
        var membership = manifest["databases"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "membership")!;
        membership["migrations"]!.AsArray().Add("29991231000000_FromTheFuture");
        await using (var stream = File.OpenRead(file))
        {
            membership["sha256"] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        }

        membership["bytes"] = new FileInfo(file).Length;
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());
    }
}

/// <summary>On PostgreSQL the backup and restore commands refuse and point to pg_dump/pg_restore in the README.</summary>
[Category("Postgres")]
public sealed class BackupCommandOnPostgresTests
{
    [Test]
    public async Task Backup_and_restore_refuse_with_a_pointer_to_the_README()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        var folder = Path.Combine(database.DataDirectory, "backup");
        var backup = await HostProcess.RunAsync($"backup \"{folder}\"", database);
        var restore = await HostProcess.RunAsync($"restore \"{folder}\"", database);
        Assert.Multiple(() =>
        {
            Assert.That(backup.ExitCode, Is.EqualTo(1));
            Assert.That(backup.Output, Does.Contain("pg_dump").And.Contain("README"));
            Assert.That(restore.ExitCode, Is.EqualTo(1));
            Assert.That(restore.Output, Does.Contain("pg_restore").And.Contain("README"));
            Assert.That(Directory.Exists(folder), Is.False);
        });
    }
}
