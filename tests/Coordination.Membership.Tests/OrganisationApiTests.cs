using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OrganisationApiTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _coordinator = await App.ApiClientAsync(Roles.Coordinator);

    [Test]
    public async Task An_organisation_with_a_valid_business_id_is_created_and_read()
    {
        var id = await Setup.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new
        {
            name = "Kuvitteellinen ammattiopisto", businessId = Setup.BusinessIds[0], type = "educationProvider", language = "sv", municipality = "Raasepori",
        }));
        var organisation = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/organisations/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(organisation!["businessId"]!.GetValue<string>(), Is.EqualTo(Setup.BusinessIds[0]));
            Assert.That(organisation["type"]!.GetValue<string>(), Is.EqualTo("educationProvider"));
            Assert.That(organisation["language"]!.GetValue<string>(), Is.EqualTo("sv"));
        });
    }

    [TestCase("3416721-3")]
    [TestCase("1234567-8")]
    [TestCase("12345678")]
    public async Task A_wrong_business_id_is_a_field_error_and_changes_nothing(string businessId)
    {
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Virheellinen oy", businessId, type = "company", language = "fi" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem!["errors"]!["businessId"]![0]!.GetValue<string>(), Does.Contain("tarkistusmerkki"));
            var list = await _coordinator.GetFromJsonAsync<JsonObject>("/api/v1/membership/organisations?q=Virheellinen");
            Assert.That(list!["total"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task A_duplicate_business_id_is_refused_with_the_other_organisation_named()
    {
        await Setup.OrganisationAsync(_coordinator, "Ensimmäinen opisto", Setup.BusinessIds[1]);
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Toinen opisto", businessId = Setup.BusinessIds[1], type = "other", language = "fi" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!["businessId"]![0]!.GetValue<string>(), Does.Contain("Ensimmäinen opisto"));
    }

    [Test]
    public async Task Type_language_and_name_are_checked()
    {
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "", type = "castle", language = "de" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name", "type", "language" }));
    }

    [Test]
    public async Task Members_read_organisations_but_only_coordinators_write()
    {
        var member = await App.ApiClientAsync(Roles.Member);
        var response = await member.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Jäsenen oy", type = "company", language = "fi" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await member.GetAsync("/api/v1/membership/organisations")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_edit_keeps_the_business_id_unique_but_may_keep_its_own()
    {
        var id = await Setup.OrganisationAsync(_coordinator, "Muokattava opisto", Setup.BusinessIds[2]);
        var same = await _coordinator.PutAsJsonAsync($"/api/v1/membership/organisations/{id}", new { name = "Muokattu opisto", businessId = Setup.BusinessIds[2], type = "association", language = "fi" });
        Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Setup.OrganisationAsync(_coordinator, "Kolmas opisto", Setup.BusinessIds[3]);
        var taken = await _coordinator.PutAsJsonAsync($"/api/v1/membership/organisations/{id}", new { name = "Muokattu opisto", businessId = Setup.BusinessIds[3], type = "association", language = "fi" });
        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var missing = await _coordinator.PutAsJsonAsync($"/api/v1/membership/organisations/{Guid.NewGuid()}", new { name = "Ei ole", type = "other", language = "fi" });
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Renaming_an_organisation_republishes_its_projects_for_the_other_modules()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var id = await Setup.OrganisationAsync(_coordinator, "Vanha nimi opisto");
        var project = await Setup.ProjectAsync(_coordinator, network, id);
        await _coordinator.PutAsJsonAsync($"/api/v1/membership/organisations/{id}", new { name = "Uusi nimi opisto", type = "educationProvider", language = "fi" });
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var updated = await db.OutboxMessages.Where(m => m.Type.EndsWith("ProjectUpdated") && m.Payload.Contains(project.ToString())).Select(m => m.Payload).SingleAsync();
        Assert.That(updated, Does.Contain("Uusi nimi opisto"));
    }
}
