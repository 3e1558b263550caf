using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;

namespace Coordination.Monitoring.Tests;

/// <summary>The facts network health needs, entered through Membership's API on a site where
/// Monitoring was not listening, reach Monitoring by republish: the rules with their acceptances,
/// the commitment letters with their signers, goals and working groups' coordinators; and the
/// newest approved minutes of each event (Events' republish).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HealthRepublishTests(Provider provider)
{
    [Test]
    public async Task Republish_fills_rules_letters_goals_and_working_groups()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Outbox:MutedSubscribers:0"] = "Monitoring" });
        var api = await app.ApiClientAsync(Roles.Coordinator);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var today = DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow));
        var start = today.AddMonths(-2);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var network = await Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Toimiva verkosto {stamp}" } }));
        var lead = await Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {stamp}", type = "educationProvider", language = "fi" }));
        var partner = await Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Yhdistys {stamp}", type = "association", language = "fi" }));
        var project = await Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = "Hanke H", acronym = "HH", leadOrganisationId = lead, partnerOrganisationIds = new[] { partner },
            startDate = Day(start), endDate = Day(today.AddYears(1)), grantedAmount = 100000m, ownFinancing = 25000m,
        }));
        var boss = await Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/people", new
        {
            name = "Rehtori Ruusu", email = $"ruusu-{stamp}@example.fi", language = "fi", organisationId = lead, roles = new[] { new { role = "leadership", projectId = project } },
        }));

        await Api.OkAsync(await api.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules", new { text = "Jaamme kaiken avoimesti." }));
        await Api.OkAsync(await api.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules/current/acceptances", new { organisationId = lead, acceptedBy = "Rehtori Ruusu", acceptedOn = Day(today) }));
        await Api.OkAsync(await api.PutAsJsonAsync($"/api/v1/membership/projects/{project}/letters/{lead}", new { tasks = new[] { "Vetää hanketta" }, signedBy = "rehtori ruusu", signedOn = Day(start.AddDays(-20)) }));
        await Api.OkAsync(await api.PutAsJsonAsync($"/api/v1/membership/projects/{project}/letters/{partner}", new { tasks = new[] { "Kokeilee mallia" }, signedBy = "Tuntematon Allekirjoittaja", signedOn = Day(start.AddDays(5)) }));
        var goal = await Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/goals", new { networkId = network, objective = "Verkoston yhteinen tavoite" }));
        var group = await Api.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/groups", new { networkId = network, name = "Solu", memberIds = new[] { boss } }));
        await Api.OkAsync(await api.PutAsJsonAsync($"/api/v1/membership/groups/{group}/coordinator", new { personId = boss }));
        await Api.DrainedAsync(app);

        var republished = await api.PostAsync("/api/v1/admin/republish/Monitoring", null);
        Assert.That(republished.StatusCode, Is.EqualTo(HttpStatusCode.OK), await republished.Content.ReadAsStringAsync());

        var health = (await (await api.GetAsync($"/api/v1/monitoring/networks/{network}/health")).Content.ReadFromJsonAsync<JsonObject>())!;
        List<string> Evidence(string key, bool ok) => [.. health["marks"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == key)!["evidence"]!.AsArray()
            .Where(e => e!["ok"]!.GetValue<bool>() == ok).Select(e => $"{e!["kind"]} {e["href"]}")];
        Assert.Multiple(() =>
        {
            Assert.That(Evidence("rules", true), Does.Contain($"rulesAccepted /membership/organisations/{lead}"));
            Assert.That(Evidence("rules", false), Is.EqualTo(new[] { $"rulesNotAccepted /membership/organisations/{partner}" }));
            Assert.That(Evidence("commitment", true), Is.EqualTo(new[] { $"letterInTime /membership/projects/{project}/letters/{lead}" }));
            Assert.That(Evidence("commitment", false), Is.EqualTo(new[] { $"letterLate /membership/projects/{project}/letters/{partner}" }));
            Assert.That(Evidence("tasks", false), Is.Empty);
            Assert.That(Evidence("leadership", true), Is.EqualTo(new[] { $"signedByLeadership /membership/projects/{project}/letters/{lead}" }), "the signer's name matched the directory");
            Assert.That(Evidence("leadership", false), Is.EqualTo(new[] { $"signedNotByLeadership /membership/projects/{project}/letters/{partner}" }));
            Assert.That(Evidence("goals", true), Is.EqualTo(new[] { $"goalReviewed /membership/goals/{goal}" }));
            Assert.That(Evidence("coordination", true).Concat(Evidence("coordination", false)), Does.Contain($"groupCoordinator /membership/groups/{group}"));
        });
    }

    [Test]
    public async Task Republish_fills_the_newest_approved_minutes_of_each_event()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Outbox:MutedSubscribers:0"] = "Monitoring" });
        var scenario = await MinutesScenario.HoldTwoMeetingsAsync(app);
        await scenario.ApproveAsync("Pöytäkirja, ensimmäinen versio");
        await scenario.ApproveAsync("Pöytäkirja, korjattu versio");
        await Api.DrainedAsync(app);

        for (var round = 1; round <= 2; round++)
        {
            var republished = await scenario.Api.PostAsync("/api/v1/admin/republish/Monitoring", null);
            Assert.That(republished.StatusCode, Is.EqualTo(HttpStatusCode.OK), await republished.Content.ReadAsStringAsync());
            Assert.That(await MinutesScenario.FigureAsync(scenario), Is.EqualTo($"2 1 {scenario.Project}:1"), $"republish {round}: the same figure as listening all along");
        }
    }
}
