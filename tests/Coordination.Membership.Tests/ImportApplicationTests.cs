using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

/// <summary>The funding application importer on fictional applications in the funder's text form.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ImportApplicationTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _coordinator = await App.ApiClientAsync(Roles.Coordinator);

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    [Test]
    public async Task The_preview_of_a_sixteen_organisation_application_reads_everything_and_changes_nothing()
    {
        var before = await CountsAsync();
        var response = await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(Setup.Application("network-16.txt")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var organisations = preview["organisations"]!.AsArray();
        var goals = preview["goals"]!.AsArray();
        Assert.Multiple(async () =>
        {
            Assert.That(preview["project"]!["name"]!.GetValue<string>(), Is.EqualTo("Yhdessä osaamista – verkostot ohjauksen tukena"));
            Assert.That(preview["project"]!["fundingDecisionNumber"]!.GetValue<string>(), Is.EqualTo("OPH-9999-2026"));
            Assert.That(preview["project"]!["startDate"]!.GetValue<string>(), Is.EqualTo("2027-01-01"));
            Assert.That(preview["project"]!["endDate"]!.GetValue<string>(), Is.EqualTo("2028-12-31"));
            Assert.That(organisations, Has.Count.EqualTo(16));
            Assert.That(organisations[0]!["role"]!.GetValue<string>(), Is.EqualTo("applicant"));
            Assert.That(organisations[0]!["businessId"]!.GetValue<string>(), Is.EqualTo("2783981-8"));
            Assert.That(organisations[0]!["contactName"]!.GetValue<string>(), Is.EqualTo("Maija Mallikas"));
            Assert.That(organisations.Skip(1).Select(o => o!["role"]!.GetValue<string>()), Is.All.EqualTo("partner"));
            Assert.That(organisations[7]!["name"]!.GetValue<string>(), Is.EqualTo("Lakeuden ammattikoulutus"), "the blank line inside the list is skipped");
            Assert.That(organisations[15]!["contactEmail"]!.GetValue<string>(), Is.EqualTo("kalle.koivu@marjalan.example.fi"));
            Assert.That(goals, Has.Count.EqualTo(4));
            Assert.That(goals[0]!["focusArea"]!.GetValue<string>(), Is.EqualTo("2.1 Ohjauksen kehittäminen"));
            Assert.That(goals[0]!["objective"]!.GetValue<string>(), Does.StartWith("Ohjauksen saavutettavuus"));
            Assert.That(goals[1]!["focusArea"]!.GetValue<string>(), Is.EqualTo("2.1. Ohjauksen kehittäminen"));
            Assert.That(goals[3]!["focusArea"], Is.Null);
            Assert.That(goals[3]!["monitoring"]!.GetValue<string>(), Is.EqualTo("Itsearviointi hankkeen lopussa."), "the question after the last goal is not part of it");
            Assert.That(preview["budget"]!["total"]!.GetValue<decimal>(), Is.EqualTo(1_000_000m));
            Assert.That(preview["budget"]!["grant"]!.GetValue<decimal>(), Is.EqualTo(750_000m));
            Assert.That(preview["budget"]!["ownFinancing"]!.GetValue<decimal>(), Is.EqualTo(250_000m));
            Assert.That(preview["budget"]!["lines"]!.AsArray(), Has.Count.EqualTo(6));
            Assert.That(preview["warnings"]!.AsArray(), Is.Empty);
            Assert.That(await CountsAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_damaged_application_gives_warnings_never_a_500_and_cannot_be_imported()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var text = Setup.Application("damaged.txt");
        var response = await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(text));
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var warnings = preview["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(warnings, Has.Some.Contains("1234567-8"), "the bad business ID");
            Assert.That(warnings, Has.Some.Contains("31.2.2027"), "the impossible date");
            Assert.That(warnings, Has.Some.Contains("Ilman osoitetta opisto"), "the partner without e-mail");
            Assert.That(warnings, Has.Some.Contains("ei-osoite@"), "the broken e-mail");
            Assert.That(warnings, Has.Some.Contains("paljon"), "the unreadable amount");
            Assert.That(preview["organisations"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Rikkinäisen opiston kuntayhtymä", "Ilman osoitetta opisto", "Väärä osoite oy" }));
        });

        var before = await CountsAsync();
        var import = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(text));
        var problem = await import.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("project.endDate"));
        Assert.That(await CountsAsync(), Is.EqualTo(before), "nothing was created");
    }

    [TestCase("")]
    [TestCase("\u0000\u0001 binääriä ☃ \t\t\n\n")]
    [TestCase("Tavoite\nTavoite\nToiminta\n1\nTavoite")]
    [TestCase("Menot\t\nMenot yhteensä\t\tx")]
    public async Task Nonsense_is_read_without_errors(string text)
    {
        var response = await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(text));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["warnings"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task An_import_creates_the_project_its_organisations_contacts_goals_and_budget_and_a_second_one_matches_organisations()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        await Setup.OrganisationAsync(_coordinator, "Järvilaakson ammattiopisto"); // matched by name
        var response = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(Setup.Application("network-16.txt")));
        var projectId = await Setup.IdOfAsync(response);
        var project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}");
        Assert.Multiple(async () =>
        {
            Assert.That(project!["partnerOrganisationIds"]!.AsArray(), Has.Count.EqualTo(15));
            Assert.That(project["grantedAmount"]!.GetValue<decimal>(), Is.EqualTo(750_000m));
            Assert.That(project["ownFinancingShare"]!.GetValue<decimal>(), Is.EqualTo(25.0m));
            Assert.That(project["budget"]!.AsArray().Select(b => b!["category"]!.GetValue<string>()).First(), Is.EqualTo("Yhteishankkeen koordinaatiomenot"), "the lines keep the application's order");
            Assert.That(project["budget"]!.AsArray(), Has.Count.EqualTo(6));
            Assert.That(project["fundingDecisionNumber"]!.GetValue<string>(), Is.EqualTo("OPH-9999-2026"));
            var goals = await _coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/membership/goals?projectId={projectId}");
            Assert.That(goals, Has.Count.EqualTo(4));
            var people = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people?projectId={projectId}&pageSize=100");
            Assert.That(people!["total"]!.GetValue<int>(), Is.EqualTo(16));
            var managers = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people?projectId={projectId}&role=projectManager");
            Assert.That(managers!["items"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("Maija Mallikas"));
            var named = await _coordinator.GetFromJsonAsync<JsonObject>("/api/v1/membership/organisations?q=Järvilaakson");
            Assert.That(named!["total"]!.GetValue<int>(), Is.EqualTo(1), "matched by name, not duplicated");
        });

        var before = await CountsAsync();
        var again = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(Setup.Application("network-16.txt")));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var after = await CountsAsync();
        Assert.That(after.Organisations, Is.EqualTo(before.Organisations), "a second import of the same application adds no organisations");
        Assert.That(after.Projects, Is.EqualTo(before.Projects + 1));
    }

    [Test]
    public async Task A_swedish_application_makes_a_swedish_lead_organisation()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var projectId = await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(Setup.Application("small-swedish.txt"))));
        var project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}");
        var lead = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/organisations/{project!["leadOrganisationId"]!.GetValue<Guid>()}");
        Assert.That(lead!["language"]!.GetValue<string>(), Is.EqualTo("sv"));
        Assert.That(lead["businessId"]!.GetValue<string>(), Is.EqualTo("2055433-4"));
    }

    [Test]
    public async Task Only_coordinators_import()
    {
        var manager = await App.ApiClientAsync(Roles.ProjectManager);
        Assert.That((await manager.PostAsync("/api/v1/membership/applications/preview", Text("x"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<(int Organisations, int Projects, int People, int Goals)> CountsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        return (await db.Organisations.CountAsync(), await db.Projects.CountAsync(), await db.People.CountAsync(), await db.Goals.CountAsync());
    }
}
