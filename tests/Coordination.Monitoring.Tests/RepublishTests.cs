using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Monitoring.Data;
using Coordination.Shared.Messaging;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Monitoring.Tests;

/// <summary>Filling Monitoring on a site that already holds data: a network's life is built
/// once with Monitoring listening and once with its subscriptions muted; after the muted site
/// asks the other modules to republish, its indicators are the same as the listening site's, a
/// second republish changes nothing, and live events after it are heard as usual.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RepublishTests(Provider provider)
{
    private static readonly Dictionary<string, string?> Muted = new() { ["Coordination:Outbox:MutedSubscribers:0"] = "Monitoring", ["Coordination:RateLimits:PublicFormsPerMinute"] = "100000" };

    private static readonly Dictionary<string, string?> Listening = new() { ["Coordination:RateLimits:PublicFormsPerMinute"] = "100000" };

    [Test]
    public async Task Republished_state_gives_the_same_indicators_as_listening_all_along()
    {
        var listened = await BuildAsync(muted: false);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, Muted);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var life = new NetworkLife(app, coordinator, NetworkLife.Small);
        await life.BuildAsync();

        Assert.That(await CountAsync(app, db => db.HeldEvents.CountAsync()), Is.Zero, "muted: Monitoring heard nothing");
        Assert.That((await coordinator.GetAsync($"/api/v1/monitoring/networks/{life.NetworkId}/indicators?{life.Period}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not even the network");

        var othersBefore = await OtherInboxesAsync(app);
        var first = (await coordinator.PostAsync("/api/v1/admin/republish/Monitoring", null));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        var result = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(result["sources"]!.AsArray().Sum(s => s!["failed"]!.GetValue<int>()), Is.Zero);
        Assert.That(result["sources"]!.AsArray().Sum(s => s!["applied"]!.GetValue<int>()), Is.GreaterThan(0));

        var republished = await IndicatorsAsync(coordinator, life);
        Assert.That(Normalised(republished, life), Is.EqualTo(Normalised(listened.Indicators, listened.Life)), "the same indicators as a site that listened all along");

        // The same state again: every event is known to the inbox, nothing changes.
        var inbox = await CountAsync(app, db => db.InboxMessages.CountAsync());
        var second = (await (await coordinator.PostAsync("/api/v1/admin/republish/Monitoring", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Multiple(async () =>
        {
            Assert.That(second["sources"]!.AsArray().Sum(s => s!["applied"]!.GetValue<int>()), Is.Zero, "a second republish applies nothing");
            Assert.That(second["sources"]!.AsArray().Sum(s => s!["skipped"]!.GetValue<int>()), Is.EqualTo(result["sources"]!.AsArray().Sum(s => s!["applied"]!.GetValue<int>())));
            Assert.That(await CountAsync(app, db => db.InboxMessages.CountAsync()), Is.EqualTo(inbox));
            Assert.That((await IndicatorsAsync(coordinator, life)).ToJsonString(), Is.EqualTo(republished.ToJsonString()));
        });

        // Only Monitoring was filled: the modules that had listened got nothing twice.
        Assert.That(await OtherInboxesAsync(app), Is.EqualTo(othersBefore));

        // A changed state is a new event: a project added since is applied, the rest is known.
        var project = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = life.NetworkId, name = "Myöhäinen hanke", acronym = "MH", leadOrganisationId = life.Projects[0].Lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = life.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), endDate = life.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), grantedAmount = 1000m, ownFinancing = 0m,
        }));
        await Api.DrainedAsync(app);
        var third = (await (await coordinator.PostAsync("/api/v1/admin/republish/Monitoring?from=Membership", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(third["sources"]!.AsArray().Select(s => s!["module"]!.GetValue<string>()), Is.EqualTo(new[] { "Membership" }));
        Assert.That(third["sources"]![0]!["applied"]!.GetValue<int>(), Is.InRange(1, 2), "only the new project's events");
        Assert.That(await CountAsync(app, db => db.Projects.CountAsync(p => p.ProjectId == project)), Is.EqualTo(1));
    }

    [Test]
    public async Task The_republish_command_fills_Monitoring_and_a_second_run_applies_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        NetworkLife life;
        await using (var muted = new CoordinationApp(database, Muted))
        {
            life = new NetworkLife(muted, await muted.ApiClientAsync(Roles.Coordinator), NetworkLife.Small with { Models = 2, ExpertReviewed = 0 });
            await life.BuildAsync();
        }

        var (code, output) = await CommandAsync(database, "republish", "Monitoring");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Match(@"Monitoring: [1-9]\d* applied, 0 already known, 0 failed"));
        (code, output) = await CommandAsync(database, "republish", "Monitoring");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Match(@"Monitoring: 0 applied, [1-9]\d* already known, 0 failed"), "the second run finds everything known");
        (code, output) = await CommandAsync(database, "republish", "Nothing");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("Modules that subscribe: ").And.Contain("Monitoring"));

        await using var app = new CoordinationApp(database, Listening);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var indicators = await IndicatorsAsync(coordinator, life);
        Assert.Multiple(() =>
        {
            Assert.That(indicators["eventsHeld"]!.GetValue<int>(), Is.EqualTo(life.Events.Count));
            Assert.That(indicators["attendances"]!.GetValue<int>(), Is.EqualTo(life.Attendances.Count));
            Assert.That(indicators["modelsPeerReviewed"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(indicators["subscribers"]!.GetValue<int>(), Is.EqualTo(life.SubscribersAtEnd));
        });
    }

    [Test]
    public async Task Unknown_modules_are_refused_and_only_coordinators_may_republish()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        Assert.That((await coordinator.PostAsync("/api/v1/admin/republish/Nothing", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await coordinator.PostAsync("/api/v1/admin/republish/Monitoring?from=Nothing", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await (await app.ApiClientAsync(Roles.Funder)).PostAsync("/api/v1/admin/republish/Monitoring", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var browser = await app.BrowserClientAsync(Roles.Coordinator);
        var page = await browser.GetStringAsync("/admin/republish");
        Assert.That(page, Does.Contain("Monitoring"));
        var posted = await browser.PostFormAsync("/admin/republish", "/admin/republish", new() { ["module"] = "Monitoring" });
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await posted.Content.ReadAsStringAsync(), Does.Contain("Membership"));
    }

    [Test]
    public void A_republished_event_id_depends_on_subscriber_type_and_payload_only()
    {
        var a = Republisher.EventId("Monitoring", "X", "{\"a\":1}");
        Assert.Multiple(() =>
        {
            Assert.That(Republisher.EventId("Monitoring", "X", "{\"a\":1}"), Is.EqualTo(a));
            Assert.That(Republisher.EventId("Monitoring", "X", "{\"a\":2}"), Is.Not.EqualTo(a));
            Assert.That(Republisher.EventId("Surveys", "X", "{\"a\":1}"), Is.Not.EqualTo(a));
            Assert.That(a.Version, Is.EqualTo(8), "an RFC 9562 name-based (custom) UUID");
        });
    }

    private async Task<(JsonObject Indicators, NetworkLife Life)> BuildAsync(bool muted)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, muted ? Muted : Listening);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var life = new NetworkLife(app, coordinator, NetworkLife.Small);
        await life.BuildAsync();
        return (await IndicatorsAsync(coordinator, life), life);
    }

    private static async Task<JsonObject> IndicatorsAsync(HttpClient client, NetworkLife life)
        => (await client.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/networks/{life.NetworkId}/indicators?{life.Period}"))!;

    /// <summary>The indicators with the ids and names that differ between two sites replaced by
    /// the projects' acronyms, so two sites built alike compare equal.</summary>
    private static string Normalised(JsonObject indicators, NetworkLife life)
    {
        var copy = JsonNode.Parse(indicators.ToJsonString())!.AsObject();
        copy.Remove("networkId");
        copy.Remove("networkName");
        foreach (var row in copy["byProject"]!.AsArray())
        {
            var id = row!["projectId"]!.GetValue<Guid>();
            row["projectId"] = life.Projects.Single(p => p.Id == id).Acronym;
        }

        foreach (var row in copy["surveyList"]!.AsArray())
        {
            row!.AsObject().Remove("surveyId");
            row.AsObject().Remove("closedAt");
        }

        return copy.ToJsonString();
    }

    /// <summary>Runs the built host with a command (as `dotnet run -- republish Monitoring` does).</summary>
    private static async Task<(int Code, string Output)> CommandAsync(TestDatabase database, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = database.DataDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Coordination.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Coordination__DataDirectory"] = database.DataDirectory;
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Coordination"] = database.ConnectionString ?? "";
        start.Environment["Coordination__Jobs__Enabled"] = "false";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static async Task<Dictionary<string, int>> OtherInboxesAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var counts = new Dictionary<string, int>();
        foreach (var database in scope.ServiceProvider.GetRequiredService<Coordination.Shared.Modules.ModuleCatalog>().Databases.Where(d => d.Module != "Monitoring"))
        {
            counts[database.Module] = await ((Coordination.Shared.Data.ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).InboxMessages.CountAsync();
        }

        return counts;
    }

    private static async Task<T> CountAsync<T>(CoordinationApp app, Func<MonitoringDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MonitoringDbContext>());
    }
}
