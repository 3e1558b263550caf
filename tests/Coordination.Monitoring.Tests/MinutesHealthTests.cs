using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Monitoring.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Monitoring.Tests;

/// <summary>Meetings that leave minutes, beside the meetings mark: two network meetings held last
/// month, one of them (the project's) with approved minutes, then a corrected version approved.
/// Events publishes MinutesApproved; Monitoring's handler keeps one fact per event.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MinutesHealthTests(Provider provider)
{
    [Test]
    public async Task One_of_two_held_meetings_with_approved_minutes_stays_one_after_a_new_version()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var scenario = await MinutesScenario.HoldTwoMeetingsAsync(app);

        await scenario.ApproveAsync("Pöytäkirja, ensimmäinen versio");
        await Api.DrainedAsync(app);
        Assert.That(await MinutesScenario.FigureAsync(scenario), Is.EqualTo($"2 1 {scenario.Project}:1"), "1 of 2 meetings, the one of the project");

        await scenario.ApproveAsync("Pöytäkirja, korjattu versio");
        await Api.DrainedAsync(app);
        Assert.That(await MinutesScenario.FigureAsync(scenario), Is.EqualTo($"2 1 {scenario.Project}:1"), "a new version of the same minutes does not count twice");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var facts = await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().Minutes.AsNoTracking().Where(m => m.NetworkId == scenario.Network).ToListAsync();
            Assert.That(facts.Select(f => (f.EventId, f.ProjectId, f.Version)), Is.EqualTo(new[] { (scenario.WithMinutes, (Guid?)scenario.Project, 2) }));
        }

        var page = await (await app.BrowserClientAsync(Roles.Coordinator)).GetStringAsync($"/monitoring/networks/{scenario.Network}/health");
        Assert.That(page, Does.Contain("Hyväksytty pöytäkirja: 1 / 2 verkostotapaamista").And.Contain("Hyväksytty pöytäkirja: 1 hankkeen tapaaminen"));
    }
}

/// <summary>A network with a running project and two network meetings held last month (Helsinki),
/// the first the project's; minutes are written and approved on the first one's record page.</summary>
internal sealed record MinutesScenario(CoordinationApp App, HttpClient Api, HttpClient Browser, Guid Network, Guid Project, Guid WithMinutes, Guid WithoutMinutes)
{
    public static async Task<MinutesScenario> HoldTwoMeetingsAsync(CoordinationApp app)
    {
        var api = await app.ApiClientAsync(Roles.Coordinator);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var today = DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow));
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var network = await Tests.Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Pöytäkirjaverkosto {stamp}" } }));
        var lead = await Tests.Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {stamp}", type = "educationProvider", language = "fi" }));
        var project = await Tests.Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = "Hanke P", acronym = "HP", leadOrganisationId = lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = Day(today.AddMonths(-6)), endDate = Day(today.AddYears(1)), grantedAmount = 100000m, ownFinancing = 25000m,
        }));
        await Tests.Api.DrainedAsync(app);

        // Last month in Helsinki; a new event cannot start in the past, so it is entered ahead and moved.
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        async Task<Guid> HeldAsync(int day, Guid? projectId)
        {
            object Body(string startsAt, string endsAt) => new { networkId = network, type = "networkMeeting", title = new { fi = $"Verkostotapaaminen {day}" }, startsAt, endsAt, audience = "network", place = "Tampere", projectId };
            var ahead = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var aheadEnd = DateTime.UtcNow.AddDays(1).AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var id = await Tests.Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/events", Body(ahead, aheadEnd)));
            var date = Day(lastMonth.AddDays(day - 1));
            await Tests.Api.OkAsync(await api.PutAsJsonAsync($"/api/v1/events/{id}", Body($"{date}T10:00", $"{date}T12:00")));
            await Tests.Api.OkAsync(await api.PostAsync($"/api/v1/events/{id}/held", null));
            return id;
        }

        var withMinutes = await HeldAsync(10, project);
        var withoutMinutes = await HeldAsync(17, null);
        return new(app, api, await app.BrowserClientAsync(Roles.Coordinator), network, project, withMinutes, withoutMinutes);
    }

    /// <summary>Writes the minutes draft of the first meeting and approves it (the next version each time).</summary>
    public async Task ApproveAsync(string text)
    {
        var page = $"/events/{WithMinutes}/record";
        Assert.That((await Browser.PostFormAsync(page, $"{page}/minutes", new() { ["minutes"] = text })).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "draft saved");
        Assert.That((await Browser.PostFormAsync(page, $"{page}/approve", [])).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "approved");
    }

    /// <summary>The health API's minutes figure: "held withMinutes project:count…".</summary>
    public static async Task<string> FigureAsync(MinutesScenario s)
    {
        var health = (await (await s.Api.GetAsync($"/api/v1/monitoring/networks/{s.Network}/health")).Content.ReadFromJsonAsync<JsonObject>())!;
        var minutes = health["minutes"]!;
        return string.Join(' ', new[] { $"{minutes["held"]}", $"{minutes["withMinutes"]}" }
            .Concat(minutes["projects"]!.AsArray().Select(p => $"{p!["projectId"]}:{p["withMinutes"]}")));
    }
}
