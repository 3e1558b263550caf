using Coordination.Host.Data;
using Coordination.Shared.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Host.Tests;

/// <summary>A publish ships its SQLite databases migrated (database-templates): a new data folder
/// starts from copies, and the migrator's own check of the history table says whether anything is
/// left to apply (PublishedHostTests starts a published site on them).</summary>
public sealed class DatabaseTemplateTests() : AppFixture(Provider.Sqlite)
{
    [Test]
    public async Task A_new_data_folder_gets_a_copy_of_each_missing_database_and_keeps_what_it_has()
    {
        await using var templates = await TestDatabase.CreateAsync(Provider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("coordination-new-site-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "events.db"), "kept");
            var options = new DatabaseOptions(DatabaseProvider.Sqlite, folder, null);
            DatabaseMigrator.CopyTemplates(options, ["Identity", "Events", "Membership", "Unknown"], templates.DataDirectory, NullLogger.Instance);

            Assert.Multiple(async () =>
            {
                Assert.That(await File.ReadAllBytesAsync(Path.Combine(folder, "identity.db")), Is.EqualTo(await File.ReadAllBytesAsync(Path.Combine(templates.DataDirectory, "identity.db"))));
                Assert.That(await File.ReadAllBytesAsync(Path.Combine(folder, "membership.db")), Is.EqualTo(await File.ReadAllBytesAsync(Path.Combine(templates.DataDirectory, "membership.db"))));
                Assert.That(await File.ReadAllTextAsync(Path.Combine(folder, "events.db")), Is.EqualTo("kept"), "an existing database is never replaced");
                Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "identity.db", "membership.db", "events.db" }), "no partial copies, nothing without a template");
            });

            // A build without templates (a publish for another runtime, the tests) changes nothing.
            DatabaseMigrator.CopyTemplates(options, ["Surveys"], Path.Combine(folder, "none"), NullLogger.Instance);
            Assert.That(File.Exists(Path.Combine(folder, "surveys.db")), Is.False);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_database_is_up_to_date_only_while_its_history_holds_every_migration()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Coordination.Events.Data.EventsDbContext>();
        Assert.That(await DatabaseMigrator.IsUpToDateAsync(db, CancellationToken.None), Is.True);

        var last = (await db.Database.GetAppliedMigrationsAsync()).Max()!;
        await db.Database.ExecuteSqlAsync($"DELETE FROM __EFMigrationsHistory WHERE MigrationId = {last}");
        try
        {
            Assert.That(await DatabaseMigrator.IsUpToDateAsync(db, CancellationToken.None), Is.False);
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.EqualTo(new[] { last }), "EF's own answer agrees");
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ({last}, 'test')");
        }

        Assert.That(await DatabaseMigrator.IsUpToDateAsync(db, CancellationToken.None), Is.True);
    }
}
