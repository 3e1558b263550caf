using Carter;
using Coordination.Host;
using Coordination.Host.Data;
using Coordination.Host.Identity;
using Coordination.Host.Jobs;
using Coordination.Host.Web;
using Coordination.Host.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// The application's own folder, not the working directory: a service manager may start it from
// anywhere (`cd /srv && dotnet /opt/coordination/Coordination.Host.dll`), and wwwroot and
// appsettings.json must still be found.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ConfigurePublicAddress(migrateOnly: args.Contains("migrate"));
var database = DatabaseOptions.From(builder.Configuration);

var catalog = builder.Services.AddModules(builder.Configuration, database, ModuleList.All, typeof(Program).Assembly);
catalog.Navigation.Add(new NavigationEntry("/admin/accounts", "Accounts", typeof(HostStrings), Policies.Coordinator, 905));
catalog.Navigation.Add(new NavigationEntry("/admin/deliveries", "Deliveries", typeof(SharedStrings), Policies.Coordinator, 900));
catalog.Navigation.Add(new NavigationEntry("/jobs", "Jobs", typeof(HostStrings), Policies.Coordinator, 910));
builder.Services.AddCoordinationIdentity(builder.Configuration, database);
builder.Services.AddCoordinationJobs(builder.Configuration, database);
builder.Services.AddCoordinationWeb(builder.Configuration);
builder.Services.AddHealthChecks().AddDbContextCheck<IdentityDb>("db-identity", tags: ["ready"]);

var app = builder.Build();

if (args.Contains("migrate"))
{
    await DatabaseMigrator.MigrateAsync(app.Services);
    app.Logger.LogInformation("Migrations applied ({Provider})", database.Provider);
    return;
}

await DatabaseMigrator.MigrateAsync(app.Services);
await IdentitySetup.SeedAsync(app.Services, app.Configuration, database, app.Logger);
JobsSetup.RegisterRecurringJobs(app.Services);

app.UseCoordinationWeb();
app.UseAuthentication();
app.UseBearerStampCheck();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapJobsDashboard();
app.MapCarter();

await app.RunAsync();

/// <summary>Entry point type, visible to the test host.</summary>
public partial class Program;
