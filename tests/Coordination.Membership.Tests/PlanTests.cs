using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;

namespace Coordination.Membership.Tests;

/// <summary>A project's plan through <c>/api/v1/membership/projects/{id}/plan</c>: who reads and
/// writes it, row-by-row validation, versions, and the budget lines per organisation.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PlanTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;
    private Guid _lead;
    private Guid _partner;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await Setup.NetworkAsync(_coordinator);
        _lead = await Setup.OrganisationAsync(_coordinator, "Suunnitelmaopisto");
        _partner = await Setup.OrganisationAsync(_coordinator, "Kumppaniopisto");
    }

    [Test]
    public async Task A_manager_writes_the_plan_of_a_project_made_by_hand_and_every_member_reads_it()
    {
        var project = await Setup.ProjectAsync(_coordinator, _network, _lead, [_partner]);
        var manager = await Setup.ProjectManagerAsync(App, _coordinator, project);
        var empty = await manager.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{project}/plan");
        Assert.That(empty!["version"]!.GetValue<int>(), Is.Zero, "no plan yet");
        Assert.That(empty["partners"]!.AsArray().Select(p => p!["organisationName"]!.GetValue<string>()), Is.EqualTo(new[] { "Suunnitelmaopisto", "Kumppaniopisto" }), "the lead first");

        var saved = await manager.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new
        {
            summary = "Kehitämme ohjausta yhdessä.",
            targetGroups = "Opinto-ohjaajat",
            callCaseNumber = "OPH-1/2026",
            vatIncluded = false,
            grantByFocusArea = new[] { new { focusArea = "2.1 Ohjaus", amount = 300_000m } },
            budget = new object[] { new { category = "Henkilöstömenot", description = "palkat", amount = 250_000m }, new { category = (string?)null, description = (string?)null, amount = (decimal?)null } },
            partners = new[]
            {
                new
                {
                    organisationId = _partner,
                    workPlan = "Kumppani kokeilee mallia.",
                    indicators = new[] { new { name = "Kokeilut", target = "3" } },
                    budget = new[] { new { category = "Palvelut", description = "käännökset", amount = 10_000m } },
                },
            },
            version = 0,
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());

        var member = await App.ApiClientAsync(Roles.Member);
        var plan = await member.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{project}/plan");
        var projectJson = await member.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{project}");
        Assert.Multiple(() =>
        {
            Assert.That(plan!["version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(plan["summary"]!.GetValue<string>(), Is.EqualTo("Kehitämme ohjausta yhdessä."));
            Assert.That(plan["vatIncluded"]!.GetValue<bool>(), Is.False);
            Assert.That(plan["budget"]!.AsArray(), Has.Count.EqualTo(1), "the blank row is dropped");
            Assert.That(plan["budget"]![0]!["description"]!.GetValue<string>(), Is.EqualTo("palkat"));
            var partner = plan["partners"]![1]!;
            Assert.That(partner["workPlan"]!.GetValue<string>(), Is.EqualTo("Kumppani kokeilee mallia."));
            Assert.That(partner["indicators"]![0]!["target"]!.GetValue<string>(), Is.EqualTo("3"));
            Assert.That(partner["budget"]![0]!["amount"]!.GetValue<decimal>(), Is.EqualTo(10_000m));
            Assert.That(plan["partners"]![0]!["budget"]!.AsArray(), Is.Empty);
            Assert.That(projectJson!["budget"]!.AsArray(), Has.Count.EqualTo(1), "the project's budget is its own lines, not the partners'");
            Assert.That(projectJson["callCaseNumber"]!.GetValue<string>(), Is.EqualTo("OPH-1/2026"));
        });
    }

    [Test]
    public async Task Only_the_projects_managers_and_coordinators_write_it()
    {
        var project = await Setup.ProjectAsync(_coordinator, _network, _lead);
        var other = await Setup.ProjectAsync(_coordinator, _network, _lead);
        var otherManager = await Setup.ProjectManagerAsync(App, _coordinator, other);
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.Multiple(async () =>
        {
            Assert.That((await otherManager.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new { version = 0 })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await member.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new { version = 0 })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new { summary = "Koordinaattorin teksti", version = 0 })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await _coordinator.GetAsync($"/api/v1/membership/projects/{Guid.NewGuid()}/plan")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Bad_rows_are_a_400_naming_each_field_and_nothing_changes()
    {
        var project = await Setup.ProjectAsync(_coordinator, _network, _lead, [_partner]);
        var response = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new
        {
            applicantEmail = "ei-osoite",
            budget = new object[] { new { category = "Henkilöstömenot", amount = -1m }, new { category = (string?)null, description = "selite ilman lajia", amount = 5m } },
            partners = new object[]
            {
                new { organisationId = _partner, indicators = new[] { new { name = (string?)null, target = "5" } } },
                new { organisationId = Guid.NewGuid() },
            },
            summary = new string('x', 8001),
            version = 0,
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.Select(e => e.Key), Is.SupersetOf(new[]
            {
                "applicantEmail", "budget[0].amount", "budget[1].category", "partners[0].indicators[0].name", "partners[1].organisationId", "summary",
            }));
            Assert.That(errors["budget[1].category"]![0]!.GetValue<string>(), Does.Contain("rivi 2"), "the message names the row");
            Assert.That(errors["partners[0].indicators[0].name"]![0]!.GetValue<string>(), Does.Contain("Indikaattori"));
            var plan = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{project}/plan");
            Assert.That(plan!["version"]!.GetValue<int>(), Is.Zero, "nothing was saved");
        });

        var unparsable = await _coordinator.PutAsync($"/api/v1/membership/projects/{project}/plan", new StringContent("{\"budget\":[{\"amount\":\"paljon\"}],\"version\":0}", Encoding.UTF8, "application/json"));
        Assert.That(unparsable.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a body that does not bind is a 400, never a 500");
    }

    [Test]
    public async Task Two_saves_from_the_same_version_conflict()
    {
        var project = await Setup.ProjectAsync(_coordinator, _network, _lead);
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new { summary = "Ensimmäinen", version = 0 })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var second = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new { summary = "Toinen", version = 0 });
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var third = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{project}/plan", new { summary = "Kolmas", version = 1 });
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var plan = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{project}/plan");
        Assert.That(plan!["summary"]!.GetValue<string>(), Is.EqualTo("Kolmas"));
    }
}
