using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PersonApiTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;
    private Guid _project;
    private Guid _otherProject;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await Setup.NetworkAsync(_coordinator);
        var lead = await Setup.OrganisationAsync(_coordinator);
        _project = await Setup.ProjectAsync(_coordinator, _network, lead);
        _otherProject = await Setup.ProjectAsync(_coordinator, _network, lead);
    }

    [Test]
    public async Task A_person_is_registered_with_roles_and_the_event_carries_them()
    {
        var id = await Setup.PersonAsync(_coordinator, "Liisa.Laine@Example.fi", [new { role = "contact", projectId = _project }, new { role = "steeringGroup", networkId = _network }]);
        var person = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people/{id}");
        Assert.That(person!["email"]!.GetValue<string>(), Is.EqualTo("liisa.laine@example.fi"));
        Assert.That(person["roles"]!.AsArray(), Has.Count.EqualTo(2));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var message = await db.OutboxMessages.SingleAsync(m => m.Type.EndsWith("PersonRegistered") && m.Payload.Contains(id.ToString()));
        Assert.That(message.Payload, Does.Contain("steeringGroup"));
    }

    [Test]
    public async Task An_email_is_unique_and_checked()
    {
        await Setup.PersonAsync(_coordinator, "sama@example.fi", []);
        var duplicate = await _coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Toinen", email = "SAMA@example.fi", language = "fi", roles = Array.Empty<object>() });
        var invalid = await _coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Kolmas", email = "ei-osoite", language = "xx", roles = new[] { new { role = "king", projectId = _project } } });
        var duplicateProblem = await duplicate.Content.ReadFromJsonAsync<JsonObject>();
        var invalidProblem = await invalid.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(duplicateProblem!["errors"]!["email"]![0]!.GetValue<string>(), Does.Contain("jo henkilö"));
            Assert.That(invalidProblem!["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "email", "language", "roles[0].role" }));
        });
    }

    [Test]
    public async Task The_directory_is_for_signed_in_network_members_only()
    {
        Assert.That((await App.CreateClient().GetAsync("/api/v1/membership/people")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await (await App.ApiClientAsync()).GetAsync("/api/v1/membership/people")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var member = await App.ApiClientAsync(Roles.Member);
        await Setup.PersonAsync(_coordinator, "hakemisto@example.fi", [new { role = "expert", projectId = _project }], name: "Hakemiston Henkilö");
        var found = await member.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people?q=hakemiston&role=expert&projectId={_project}");
        Assert.That(found!["items"]!.AsArray().Select(i => i!["email"]!.GetValue<string>()), Is.EqualTo(new[] { "hakemisto@example.fi" }));
    }

    [Test]
    public async Task A_project_manager_edits_only_their_own_projects_people()
    {
        var manager = await Setup.ProjectManagerAsync(App, _coordinator, _project);
        var own = await Setup.PersonAsync(manager, $"oma-{Guid.NewGuid():N}@example.fi", [new { role = "contact", projectId = _project }]);
        var foreign = await Setup.PersonAsync(_coordinator, $"vieras-{Guid.NewGuid():N}@example.fi", [new { role = "contact", projectId = _otherProject }]);

        var editOwn = await manager.PutAsJsonAsync($"/api/v1/membership/people/{own}", new { name = "Oma Muokattu", email = $"oma2-{Guid.NewGuid():N}@example.fi", language = "sv", roles = new[] { new { role = "contact", projectId = _project } } });
        var editForeign = await manager.PutAsJsonAsync($"/api/v1/membership/people/{foreign}", new { name = "Vieras", email = "vieras@example.fi", language = "fi", roles = new[] { new { role = "contact", projectId = _project } } });
        var roleElsewhere = await manager.PostAsJsonAsync("/api/v1/membership/people", new { name = "Ulkopuolinen", email = $"ulko-{Guid.NewGuid():N}@example.fi", language = "fi", roles = new[] { new { role = "contact", projectId = _otherProject } } });
        Assert.Multiple(() =>
        {
            Assert.That(editOwn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(editForeign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(roleElsewhere.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task A_project_managers_edit_keeps_the_roles_in_other_projects()
    {
        var manager = await Setup.ProjectManagerAsync(App, _coordinator, _project);
        var email = $"kaksi-{Guid.NewGuid():N}@example.fi";
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "contact", projectId = _project }, new { role = "expert", projectId = _otherProject }]);
        var edit = await manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", new { name = "Testi Henkilö", email, language = "fi", roles = Array.Empty<object>() });
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var person = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people/{id}");
        Assert.That(person!["roles"]!.AsArray().Select(r => r!["role"]!.GetValue<string>()), Is.EqualTo(new[] { "expert" }));
    }

    [Test]
    public async Task A_project_manager_may_post_back_the_roles_they_cannot_change()
    {
        var manager = await Setup.ProjectManagerAsync(App, _coordinator, _project);
        var email = $"takaisin-{Guid.NewGuid():N}@example.fi";
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "contact", projectId = _project }, new { role = "expert", projectId = _otherProject }]);
        var edit = await manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", new
        {
            name = "Testi Henkilö", email, language = "fi",
            roles = new object[] { new { role = "leadership", projectId = _project }, new { role = "expert", projectId = _otherProject } },
        });
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edit.Content.ReadAsStringAsync());
        var person = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people/{id}");
        Assert.That(person!["roles"]!.AsArray().Select(r => r!["role"]!.GetValue<string>()), Is.EquivalentTo(new[] { "leadership", "expert" }));
    }

    [Test]
    public async Task An_invitation_creates_a_sign_in_with_the_roles_and_emails_a_link()
    {
        var email = $"kutsu-{Guid.NewGuid():N}@example.fi";
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "projectManager", projectId = _project }], name: "Kutsuttu Henkilö");
        var response = await _coordinator.PostAsync($"/api/v1/membership/people/{id}/invitation", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var mail = (await App.MailAsync()).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal));
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+/account/reset-password\?\S+").Value;
        Assert.That(link, Is.Not.Empty);

        // The link sets a password; the new sign-in is a project manager who may edit the project.
        var browser = App.CreateBrowserClient();
        var uri = new Uri(link);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var set = await browser.PostFormAsync(uri.PathAndQuery, "/account/reset-password", new() { ["email"] = query["email"]!, ["token"] = query["token"]!, ["password"] = "Uusi-salasana-2026", ["confirm"] = "Uusi-salasana-2026" });
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var invited = await App.ApiClientForAsync(email, "Uusi-salasana-2026");
        var project = await invited.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{_project}");
        var put = await invited.PutAsJsonAsync($"/api/v1/membership/projects/{_project}", project);
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Erasure_anonymises_the_person_removes_the_sign_in_and_tells_the_other_modules()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "contact", projectId = _project }], name: "Poistettava Henkilö");
        var own = await App.ApiClientForAsync(email, CoordinationApp.Password);
        var export = await own.GetAsync($"/api/v1/membership/people/{id}/export");
        var exported = await export.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(exported!["name"]!.GetValue<string>(), Is.EqualTo("Poistettava Henkilö"), "a person may download their own data");
        var stranger = await App.ApiClientAsync(Roles.Member);
        Assert.That((await stranger.GetAsync($"/api/v1/membership/people/{id}/export")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var erased = await _coordinator.DeleteAsync($"/api/v1/membership/people/{id}");
        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _coordinator.GetAsync($"/api/v1/membership/people/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var signIn = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = CoordinationApp.Password });
        Assert.That(signIn.IsSuccessStatusCode, Is.False, "the sign-in is gone");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var row = await db.People.Include(p => p.Roles).SingleAsync(p => p.Id == id);
        Assert.Multiple(async () =>
        {
            Assert.That(row.Name, Does.Not.Contain("Poistettava"));
            Assert.That(row.Email, Does.Not.Contain("@"));
            Assert.That(row.Roles, Is.Empty);
            Assert.That(await db.OutboxMessages.CountAsync(m => m.Type.EndsWith("PersonErased") && m.Payload.Contains(id.ToString())), Is.EqualTo(1));
            Assert.That(await db.AuditEntries.Where(a => a.Action == "ErasePerson" && a.EntityId == id.ToString()).Select(a => a.Summary).SingleAsync(), Is.Null, "the audit keeps no name");
        });
    }
}
