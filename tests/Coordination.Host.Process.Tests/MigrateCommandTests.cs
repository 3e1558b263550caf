using System.Diagnostics;

namespace Coordination.Host.Tests;

/// <summary>`Coordination.Host migrate` creates every module's database and exits; a host started
/// on an empty database migrates it before it serves (other tests start on a migrated copy,
/// where the same migrator finds nothing to do).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MigrateCommandTests(Provider provider)
{
    /// <summary>The PostgreSQL schemas: the Host's and each module's.</summary>
    internal static readonly string[] Schemas = ["identity", "membership", "events", "peerreview", "surveys", "dissemination", "monitoring"];

    [Test]
    public async Task The_migrate_command_applies_every_migration_and_exits()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var host = Path.Combine(AppContext.BaseDirectory, "Coordination.Host.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{host}\" migrate")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = database.DataDirectory,
        };
        start.Environment["Coordination__DataDirectory"] = database.DataDirectory;
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Coordination"] = database.ConnectionString ?? "";
        using var process = Process.Start(start)!;
        var reading = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await reading;
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, output + errors);
        Assert.That(output, Does.Contain("Migrations applied"));
        Assert.That(output + errors, Does.Not.Contain("fail:").And.Not.Contain("crit:"), "a new database's first migration logs no failure (an operator would look for one)");

        if (provider == Provider.Sqlite)
        {
            var files = Directory.GetFiles(database.DataDirectory, "*.db").Select(Path.GetFileName);
            Assert.That(files, Is.EquivalentTo(new[] { "identity.db", "membership.db", "events.db", "peerreview.db", "surveys.db", "dissemination.db", "monitoring.db" }));
            Assert.That(Directory.GetFiles(database.DataDirectory, "*.db-wal"), Is.Empty, "each file checkpointed when the command ends (a publish ships them)");
        }
        else
        {
            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT schema_name FROM information_schema.schemata", connection);
            var schemas = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                schemas.Add(reader.GetString(0));
            }

            Assert.That(schemas, Is.SupersetOf(Schemas));
        }
    }

    [Test]
    public async Task A_host_started_on_an_empty_database_migrates_every_module_first()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var app = new CoordinationApp(database);
        var ready = await app.CreateClient().GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        await using var scope = app.Services.CreateAsyncScope();
        var contexts = app.Services.GetRequiredService<Coordination.Shared.Modules.ModuleCatalog>().Databases.Select(d => d.ContextType).Append(typeof(Coordination.Host.Identity.IdentityDb));
        foreach (var type in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.Not.Empty, type.Name);
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty, type.Name);
        }

        Assert.That(await app.ApiClientAsync(Coordination.Shared.Security.Roles.Coordinator), Is.Not.Null, "the bootstrap and a new sign-in work");
    }
}

/// <summary>Two sites that start together on a new (or older) PostgreSQL database migrate and seed
/// it in turns (StartupTurn), as EF's own migration lock does nothing there: before, one of them
/// applied a migration the other had just applied and crashed, and both could create the first
/// coordinator.</summary>
[Category("Postgres")]
public sealed class ConcurrentMigrationTests
{
    [Test]
    public async Task Two_sites_started_at_once_on_an_empty_database_both_serve_with_one_first_coordinator()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(Provider.Postgres);
        await using var first = HostProcess.Start(database, HostProcess.FreePort());
        await using var second = HostProcess.Start(database, HostProcess.FreePort());
        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());
        foreach (var host in new[] { first, second })
        {
            Assert.That(host.Output().Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)), Is.Empty, host.Tail());
        }

        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var schema in MigrateCommandTests.Schemas)
        {
            await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {schema}.\"__EFMigrationsHistory\"", connection);
            Assert.That(await command.ExecuteScalarAsync(), Is.GreaterThan(0L), schema);
        }

        await using var users = new Npgsql.NpgsqlCommand("SELECT count(*) FROM identity.\"AspNetUsers\"", connection);
        Assert.That(await users.ExecuteScalarAsync(), Is.EqualTo(1L), "one first coordinator");
    }
}
