using Carter;
using Coordination.Host;
using Coordination.Host.Data;
using Coordination.Host.Identity;
using Coordination.Host.Jobs;
using Coordination.Host.Operations;
using Coordination.Host.Operations.AuditTrail;
using Coordination.Host.Operations.Backups;
using Coordination.Host.Operations.Telemetry;
using Coordination.Host.Web;
using Coordination.Host.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// `backup <folder>` and `restore <folder>` run instead of the site, on its configuration.
var (command, hostArgs) = OperationsCommand.Parse(args);

// The application's own folder, not the working directory: a service manager may start it from
// anywhere (`cd /srv && dotnet /opt/coordination/Coordination.Host.dll`), and wwwroot and
// appsettings.json must still be found. Under the test host (WebApplicationFactory, another entry
// assembly) the factory chooses the content root, so that wwwroot is served there too.
var ownProcess = System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = ownProcess ? AppContext.BaseDirectory : null });

// Migrating, republishing, backing up and restoring build no links, so they need no public address.
builder.ConfigurePublicAddress(migrateOnly: args.Contains("migrate") || RepublishCommand.Matches(args) || command is not null);
var database = DatabaseOptions.From(builder.Configuration);

var catalog = builder.Services.AddModules(builder.Configuration, database, ModuleList.All, typeof(Program).Assembly);
catalog.MailDatabases.Add(new ModuleDatabase(IdentityDb.Name, typeof(IdentityDb)));
catalog.Navigation.Add(new NavigationEntry("/admin/deliveries", "Deliveries", typeof(SharedStrings), Policies.Coordinator, 900, NavigationGroups.Administration));
catalog.Navigation.Add(new NavigationEntry("/admin/mail", "MailQueue", typeof(SharedStrings), Policies.Coordinator, 901, NavigationGroups.Administration));
catalog.Navigation.Add(new NavigationEntry("/admin/accounts", "Accounts", typeof(HostStrings), Policies.Coordinator, 903, NavigationGroups.Administration));
catalog.Navigation.Add(new NavigationEntry("/admin/republish", "Republish", typeof(SharedStrings), Policies.Coordinator, 905, NavigationGroups.Administration));
catalog.Navigation.Add(new NavigationEntry("/admin/jobs", "Jobs", typeof(HostStrings), Policies.Coordinator, 910, NavigationGroups.Administration));
builder.Services.AddCoordinationIdentity(builder.Configuration, database);
builder.Services.AddCoordinationJobs(builder.Configuration, database);
builder.Services.AddCoordinationWeb(builder.Configuration);
builder.Services.AddHealthChecks().AddDbContextCheck<IdentityDb>("db-identity", tags: ["ready"]);
builder.Services.AddCoordinationBackups(builder.Configuration, database, catalog);
builder.Services.AddAuditTrail(builder.Configuration, catalog);
builder.Services.AddCoordinationTelemetry(builder.Configuration);

var app = builder.Build();
if (command is not null)
{
    Environment.ExitCode = await command.RunAsync(app.Services);
    return;
}

// SQLite: one site process per data folder (README); a second one stops here. Commands do not
// take this lock: a backup runs beside the site, and a restore is kept off a running site by
// the site lock below (data/site.lock, a different file).
using var dataFolderLock = DataFolderLock.Acquire(database);
if (dataFolderLock is not null)
{
    // A host stopped inside a test process lets the folder go before its Main returns.
    app.Lifetime.ApplicationStopped.Register(dataFolderLock.Dispose);
}

// Held while the site runs, so that a restore refuses to replace the files under it.
app.HoldDataFolder(database);

var migrateOnly = args.Contains("migrate");
var republish = RepublishCommand.Matches(args);
// The turn covers what two instances must not do at once (migrating, creating the first
// coordinator), not a republish, which may run long while a site restarts.
await using (await StartupTurn.TakeAsync(database))
{
    await DatabaseMigrator.MigrateAsync(app.Services);
    if (!migrateOnly && !republish)
    {
        await IdentitySetup.SeedAsync(app.Services, app.Configuration, database, app.Logger);
    }
}

if (migrateOnly)
{
    // Closing the pooled connections checkpoints each SQLite file: the data folder is then whole
    // without its -wal files (a publish ships these files as its templates).
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    app.Logger.LogInformation("Migrations applied ({Provider})", database.Provider);
    // The console logger writes from a queue: disposing the app flushes it before the process ends.
    await app.DisposeAsync();
    return;
}

if (republish)
{
    Environment.ExitCode = await RepublishCommand.RunAsync(app.Services, args);
    return;
}

JobsSetup.RegisterRecurringJobs(app.Services);

app.UseCoordinationWeb();
app.UseAuthentication();
app.UseBearerStampCheck();
app.UseAuthorization();
app.UseRateLimiter();
// After localisation (a page is kept per language) and authentication (never for a signed-in user).
app.UseOutputCache();
app.UseAntiforgery();
app.UseAntiforgeryRefusal();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapJobsDashboard();
app.MapCoordinationMetrics();
app.MapCarter();

if (app.Environment.IsProduction())
{
    // Start-up leaves one-off garbage (module wiring, endpoint discovery, migrations, seeding)
    // that the GC would keep committed; one compacting collection once the site is up returns it:
    // RSS after start 192-193 MiB instead of 201-209 (issue 20). Run on a pool thread so that
    // the start does not wait for it; the collection itself pauses the site for about 50-80 ms.
    app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true)));
}

await app.RunAsync();

/// <summary>Entry point type, visible to the test host.</summary>
public partial class Program;
