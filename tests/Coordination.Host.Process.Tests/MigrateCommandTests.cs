using System.Diagnostics;

namespace Coordination.Host.Tests;

/// <summary>`Coordination.Host migrate` creates every module's database and exits; a host started
/// on an empty database migrates it before it serves (other tests start on a migrated copy,
/// where the same migrator finds nothing to do).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MigrateCommandTests(Provider provider)
{
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
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, output + await process.StandardError.ReadToEndAsync());
        Assert.That(output, Does.Contain("Migrations applied"));

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

            Assert.That(schemas, Is.SupersetOf(new[] { "identity", "membership", "events", "peerreview", "surveys", "dissemination", "monitoring" }));
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
