using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

/// <summary>The network's shared work: phase, themes, rules and their acceptance, commitment
/// letters, goals with history and review, working groups with a rotating coordinator.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class NetworkWorkTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _coordinator = await App.ApiClientAsync(Roles.Coordinator);

    [Test]
    public async Task The_phase_changes_are_kept_as_history()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/membership/networks/{network}/phase", new { phase = "active" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await _coordinator.PutAsJsonAsync($"/api/v1/membership/networks/{network}/phase", new { phase = "onHold", note = "Kesätauko" });
        var bad = await _coordinator.PutAsJsonAsync($"/api/v1/membership/networks/{network}/phase", new { phase = "sleeping" });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var details = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/networks/{network}");
        Assert.Multiple(() =>
        {
            Assert.That(details!["phase"]!.GetValue<string>(), Is.EqualTo("onHold"));
            Assert.That(details["phaseHistory"]!.AsArray().Select(p => p!["phase"]!.GetValue<string>()), Is.EqualTo(new[] { "active", "onHold" }));
            Assert.That(details["phaseHistory"]![1]!["note"]!.GetValue<string>(), Is.EqualTo("Kesätauko"));
        });
    }

    [Test]
    public async Task Themes_in_three_languages_tag_projects()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var theme = await Setup.IdOfAsync(await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/themes", new { name = new { fi = "Ohjaus", sv = "Handledning", en = "Guidance" } }));
        var missing = await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/themes", new { name = new { sv = "Bara svenska" } });
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var lead = await Setup.OrganisationAsync(_coordinator);
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = "Teemahanke", leadOrganisationId = lead, startDate = "2026-01-01", endDate = "2026-12-31", themeIds = new[] { theme },
        });
        var project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{await Setup.IdOfAsync(response)}");
        Assert.That(project!["themeIds"]!.AsArray().Select(t => t!.GetValue<Guid>()), Is.EqualTo(new[] { theme }));

        var otherNetwork = await Setup.NetworkAsync(_coordinator);
        var foreignTheme = await _coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = otherNetwork, name = "Väärä teema", leadOrganisationId = lead, startDate = "2026-01-01", endDate = "2026-12-31", themeIds = new[] { theme },
        });
        Assert.That(foreignTheme.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Each_organisation_accepts_the_current_rules_and_a_new_version_starts_anew()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var lead = await Setup.OrganisationAsync(_coordinator);
        var partner = await Setup.OrganisationAsync(_coordinator);
        var outsider = await Setup.OrganisationAsync(_coordinator);
        await Setup.ProjectAsync(_coordinator, network, lead, [partner]);

        var noRules = await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules/current/acceptances", new { organisationId = lead, acceptedBy = "Rehtori", acceptedOn = "2026-02-01" });
        Assert.That(noRules.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await Setup.IdOfAsync(await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules", new { text = "1. Jaamme avoimesti.\n2. Kokoonnumme kuukausittain." }));
        await Setup.IdOfAsync(await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules/current/acceptances", new { organisationId = lead, acceptedBy = "Rehtori Rauhala", acceptedOn = "2026-02-01" }));
        var twice = await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules/current/acceptances", new { organisationId = lead, acceptedBy = "Rehtori Rauhala", acceptedOn = "2026-02-02" });
        var stranger = await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules/current/acceptances", new { organisationId = outsider, acceptedBy = "Joku", acceptedOn = "2026-02-02" });
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var details = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/networks/{network}");
        Assert.That(details!["currentRules"]!["acceptances"]!.AsArray().Select(a => a!["organisationId"]!.GetValue<Guid>()), Is.EqualTo(new[] { lead }));

        await _coordinator.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules", new { text = "Uudet säännöt." });
        details = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/networks/{network}");
        Assert.That(details!["currentRules"]!["number"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(details["currentRules"]!["acceptances"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task The_project_page_shows_which_partners_lack_a_letter_or_a_signature()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var lead = await Setup.OrganisationAsync(_coordinator, "Kirjeopisto");
        var unsigned = await Setup.OrganisationAsync(_coordinator, "Allekirjoittamaton opisto");
        var missing = await Setup.OrganisationAsync(_coordinator, "Kirjeetön opisto");
        var project = await Setup.ProjectAsync(_coordinator, network, lead, [unsigned, missing]);

        var signed = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/letters/{lead}", new { tasks = new[] { "Koordinoi", "Raportoi" }, signedBy = "Rehtori Rauhala", signedOn = "2026-01-15" });
        var draft = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/letters/{unsigned}", new { tasks = new[] { "Kokeilee mallia" } });
        var noTasks = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/letters/{missing}", new { tasks = Array.Empty<string>(), signedBy = "Joku" });
        var notPartner = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/letters/{Guid.NewGuid()}", new { tasks = new[] { "x" } });
        Assert.Multiple(() =>
        {
            Assert.That(signed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(noTasks.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(notPartner.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });

        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        var page = await browser.GetStringAsync($"/membership/projects/{project}");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("2 toteuttajalta puuttuu sitoumuskirje tai allekirjoitus."));
            Assert.That(page, Does.Contain("Allekirjoittanut Rehtori Rauhala 15.1.2026 (2 tehtävää)"));
            Assert.That(page, Does.Contain("Allekirjoitus puuttuu"));
            Assert.That(page, Does.Contain("Puuttuu"));
        });
    }

    [Test]
    public async Task A_goal_keeps_its_history_and_is_flagged_when_not_reviewed_in_six_months()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var goal = await Setup.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/membership/goals", new
        {
            networkId = network, focusArea = "Yhteistyö", objective = "Verkosto kokoontuu säännöllisesti.", activities = "Kuukausitapaamiset", results = "Muistiot", monitoring = "Osallistujamäärät",
        }));
        var edit = await _coordinator.PutAsJsonAsync($"/api/v1/membership/goals/{goal}", new { objective = "Verkosto kokoontuu joka kuukausi.", activities = "Tapaamiset", version = 1 });
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stale = await _coordinator.PutAsJsonAsync($"/api/v1/membership/goals/{goal}", new { objective = "Vanha", version = 1 });
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        var read = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/goals/{goal}");
        Assert.Multiple(() =>
        {
            Assert.That(read!["objective"]!.GetValue<string>(), Is.EqualTo("Verkosto kokoontuu joka kuukausi."));
            Assert.That(read["history"]!.AsArray().Select(h => h!["objective"]!.GetValue<string>()), Is.EqualTo(new[] { "Verkosto kokoontuu säännöllisesti." }));
            Assert.That(read["needsReview"]!.GetValue<bool>(), Is.False);
        });

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var row = await db.Goals.SingleAsync(g => g.Id == goal);
            row.CreatedAt = DateTime.UtcNow.AddMonths(-8);
            row.LastReviewedAt = DateTime.UtcNow.AddMonths(-7);
            await db.SaveChangesAsync();
        }

        var flagged = await _coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/membership/goals?networkId={network}&needsReview=true");
        Assert.That(flagged!.Select(g => g!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { goal }));
        Assert.That((await _coordinator.PostAsync($"/api/v1/membership/goals/{goal}/review", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var reviewed = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/goals/{goal}");
        Assert.That(reviewed!["needsReview"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_project_manager_writes_goals_for_their_project_only()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var lead = await Setup.OrganisationAsync(_coordinator);
        var own = await Setup.ProjectAsync(_coordinator, network, lead);
        var other = await Setup.ProjectAsync(_coordinator, network, lead);
        var manager = await Setup.ProjectManagerAsync(App, _coordinator, own);
        Assert.That((await manager.PostAsJsonAsync("/api/v1/membership/goals", new { projectId = own, objective = "Oma tavoite" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await manager.PostAsJsonAsync("/api/v1/membership/goals", new { projectId = other, objective = "Vieras tavoite" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await manager.PostAsJsonAsync("/api/v1/membership/goals", new { networkId = network, objective = "Verkoston tavoite" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_working_groups_coordinator_rotates_with_the_history_kept()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var first = await Setup.PersonAsync(_coordinator, $"eka-{Guid.NewGuid():N}@example.fi", []);
        var second = await Setup.PersonAsync(_coordinator, $"toka-{Guid.NewGuid():N}@example.fi", []);
        var outsider = await Setup.PersonAsync(_coordinator, $"ulko-{Guid.NewGuid():N}@example.fi", []);
        var group = await Setup.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/membership/groups", new { networkId = network, name = "Ohjauksen solu", theme = "Ohjaus", memberIds = new[] { first, second } }));

        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/membership/groups/{group}/coordinator", new { personId = first })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/membership/groups/{group}/coordinator", new { personId = second })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/membership/groups/{group}/coordinator", new { personId = outsider })).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var read = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/groups/{group}");
        var history = read!["coordinatorHistory"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(read["coordinatorId"]!.GetValue<Guid>(), Is.EqualTo(second));
            Assert.That(history.Select(t => t!["personId"]!.GetValue<Guid>()), Is.EqualTo(new[] { first, second }));
            Assert.That(history[0]!["to"], Is.Not.Null);
            Assert.That(history[1]!["to"], Is.Null);
        });
    }
}
