using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coordination.Dissemination.Tests;

/// <summary>The migration "StoredUnsubscribeTokens" on a database that already has subscribers (a
/// site upgraded in place): each gets a token of its own, in the form new subscribers get.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class UnsubscribeTokensMigrationTests(Provider provider)
{
    [Test]
    public async Task Subscribers_from_before_the_migration_get_a_token_each()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using (var db = Context(database))
        {
            await db.GetService<IMigrator>().MigrateAsync("ModelThemes");
            var insert = provider == Provider.Sqlite
                ? """
                  INSERT INTO "Subscribers" ("Id", "Email", "Language", "Status", "CreatedAt")
                  VALUES (upper(hex(randomblob(16))), {0}, 'fi', 'Confirmed', '2026-11-01 10:00:00')
                  """
                : """
                  INSERT INTO dissemination."Subscribers" ("Id", "Email", "Language", "Status", "CreatedAt")
                  VALUES (gen_random_uuid(), {0}, 'fi', 'Confirmed', now())
                  """;
            for (var i = 0; i < 3; i++)
            {
                await db.Database.ExecuteSqlRawAsync(insert, $"ennen-{i}@example.fi");
            }
        }

        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync();
            var tokens = await db.Subscribers.Select(s => s.UnsubscribeToken).ToListAsync();
            Assert.Multiple(() =>
            {
                Assert.That(tokens, Has.Count.EqualTo(3));
                Assert.That(tokens, Has.All.Match("^[0-9a-f]{32}$"));
                Assert.That(tokens.Distinct().Count(), Is.EqualTo(3), "a token of its own for each");
            });
        }
    }

    private DisseminationDbContext Context(TestDatabase database) => provider == Provider.Sqlite
        ? new SqliteDisseminationDbContext(new DbContextOptionsBuilder<SqliteDisseminationDbContext>()
            .UseSqlite(new DatabaseOptions(DatabaseProvider.Sqlite, database.DataDirectory, null).SqliteConnectionString("Dissemination")).Options)
        : new PostgresDisseminationDbContext((DbContextOptions<PostgresDisseminationDbContext>)ModuleDbContextRegistration
            .ConfigurePostgres(new DbContextOptionsBuilder<PostgresDisseminationDbContext>(), database.ConnectionString!, "Dissemination").Options);
}
