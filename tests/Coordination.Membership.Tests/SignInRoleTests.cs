using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

/// <summary>Sign-ins follow the directory: a project manager changes only what belongs to their
/// projects, an address of someone with a sign-in changes only by a coordinator (and the old
/// address is told), site roles come and go with directory roles at once, only coordinators give
/// the roles that open the whole site, and project access is the linked sign-in's, not an address's.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class SignInRoleTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;
    private Guid _project;
    private Guid _otherProject;
    private HttpClient _manager = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await Setup.NetworkAsync(_coordinator);
        var lead = await Setup.OrganisationAsync(_coordinator);
        _project = await Setup.ProjectAsync(_coordinator, _network, lead);
        _otherProject = await Setup.ProjectAsync(_coordinator, _network, lead);
        _manager = await Setup.ProjectManagerAsync(App, _coordinator, _project);
    }

    [Test]
    public async Task A_project_manager_cannot_take_over_the_manager_of_another_project()
    {
        // The other project's manager is also a contact in this manager's project.
        var victim = Email("toinen-pp");
        var id = await Setup.PersonAsync(_coordinator, victim, [new { role = "projectManager", projectId = _otherProject }, new { role = "contact", projectId = _project }], name: "Toinen Päällikkö");
        var attacker = Email("hyokkaaja");

        var readdress = await _manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", Person("Toinen Päällikkö", attacker, ("projectManager", _otherProject), ("contact", _project)));
        var rename = await _manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", Person("Toinen Nimi", victim, ("projectManager", _otherProject), ("contact", _project)));
        var invite = await _manager.PostAsync($"/api/v1/membership/people/{id}/invitation", null);
        var ownRole = await _manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", Person("Toinen Päällikkö", victim, ("projectManager", _otherProject), ("leadership", _project)));
        var person = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people/{id}");
        Assert.Multiple(async () =>
        {
            Assert.That(readdress.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "not the address of someone with roles elsewhere");
            Assert.That((await readdress.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("email"));
            Assert.That(rename.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "nor the name");
            Assert.That(invite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no invitation for someone with roles elsewhere");
            Assert.That(ownRole.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the roles in the manager's own project are theirs to change");
            Assert.That(person!["email"]!.GetValue<string>(), Is.EqualTo(victim));
            Assert.That(person["name"]!.GetValue<string>(), Is.EqualTo("Toinen Päällikkö"));
            Assert.That(person["roles"]!.AsArray().Select(r => r!["role"]!.GetValue<string>()), Is.EquivalentTo(new[] { "projectManager", "leadership" }));
            Assert.That(App.PickedUpMail().Where(m => m.To.ToString().Contains(attacker, StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public async Task A_project_manager_edits_and_invites_the_people_wholly_in_their_projects()
    {
        var email = Email("oma");
        var id = await Setup.PersonAsync(_manager, email, [new { role = "contact", projectId = _project }]);
        var renamed = Email("oma-uusi");
        var edit = await _manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", Person("Oma Henkilö", renamed, ("contact", _project)));
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edit.Content.ReadAsStringAsync());
        var invite = await _manager.PostAsync($"/api/v1/membership/people/{id}/invitation", null);
        Assert.That(invite.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await App.SiteRolesAsync(renamed), Is.EqualTo(new[] { Roles.Member }));
    }

    [Test]
    public async Task Only_a_coordinator_changes_the_address_of_someone_with_a_sign_in_and_the_old_address_is_told()
    {
        var old = Email("tunnus");
        var id = await Setup.PersonAsync(_coordinator, old, [new { role = "contact", projectId = _project }], name: "Tunnuksen Haltija");
        await Setup.InvitedAsync(App, _coordinator, id, old);
        var renamed = Email("tunnus-uusi");

        var byManager = await _manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", Person("Tunnuksen Haltija", renamed, ("contact", _project)));
        Assert.That(byManager.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await byManager.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["email"], Is.Not.Null);

        var byCoordinator = await _coordinator.PutAsJsonAsync($"/api/v1/membership/people/{id}", Person("Tunnuksen Haltija", renamed, ("contact", _project)));
        Assert.That(byCoordinator.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var notice = App.PickedUpMail().Where(m => m.To.Mailboxes.Single().Address == old).ToList();
        Assert.That(notice.Select(m => m.Subject), Has.Some.EqualTo("Sähköpostiosoitteesi on vaihdettu – Koordinaatio"), "the old address is told");
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email = renamed, password = CoordinationApp.Password })).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the sign-in follows the address");
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email = old, password = CoordinationApp.Password })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await AuditAsync(id, "ChangePersonEmail"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Project_access_belongs_to_the_invited_sign_in_not_to_an_address()
    {
        // A sign-in that merely has the address of a project manager's entry manages nothing.
        var email = await App.CreateUserAsync(Roles.ProjectManager, Roles.Member);
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "projectManager", projectId = _otherProject }]);
        var unlinked = await App.ApiClientForAsync(email, CoordinationApp.Password);
        var project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{_otherProject}");
        Assert.That((await unlinked.PutAsJsonAsync($"/api/v1/membership/projects/{_otherProject}", project)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var invited = await Setup.InvitedAsync(App, _coordinator, id, email);
        project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{_otherProject}");
        Assert.That((await invited.PutAsJsonAsync($"/api/v1/membership/projects/{_otherProject}", project)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Removing_a_directory_role_takes_the_site_role_away_at_once_unless_another_role_still_gives_it()
    {
        var secondNetwork = await Setup.NetworkAsync(_coordinator);
        var email = Email("koordinaattori");
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "coordinator", networkId = _network }, new { role = "coordinator", networkId = secondNetwork }, new { role = "expert", projectId = _project }]);
        var api = await Setup.InvitedAsync(App, _coordinator, id, email);
        Assert.That(await App.SiteRolesAsync(email), Is.EqualTo(new[] { Roles.Coordinator, Roles.Member, Roles.Reviewer }));
        Assert.That((await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Koordinaattorin verkosto" } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // One of two coordinator roles goes: still a coordinator, the token still good.
        await PutRolesAsync(id, email, new { role = "coordinator", networkId = _network }, new { role = "expert", projectId = _project });
        Assert.That(await App.SiteRolesAsync(email), Is.EqualTo(new[] { Roles.Coordinator, Roles.Member, Roles.Reviewer }));
        Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The last one goes, and the expert role: at once, and the old token is refused.
        await PutRolesAsync(id, email, new { role = "contact", projectId = _project });
        Assert.That(await App.SiteRolesAsync(email), Is.EqualTo(new[] { Roles.Member }));
        Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a token with the old roles");
        var fresh = await App.ApiClientForAsync(email, CoordinationApp.Password);
        Assert.That((await fresh.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Ei enää" } })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        // And the other way: a project manager's role gives the site role at once.
        await PutRolesAsync(id, email, new { role = "contact", projectId = _project }, new { role = "projectManager", projectId = _project });
        Assert.That(await App.SiteRolesAsync(email), Is.EqualTo(new[] { Roles.Member, Roles.ProjectManager }));
        Assert.That((await AuditAsync(id, "ChangeSiteRoles")).Select(a => a.Summary), Is.EqualTo(new[] { "-Coordinator -Reviewer", "+ProjectManager" }));
    }

    [Test]
    public async Task Only_coordinators_give_the_coordinator_funder_observer_or_expert_role()
    {
        foreach (var role in new[] { "coordinator", "expert" })
        {
            var created = await _manager.PostAsJsonAsync("/api/v1/membership/people", Person("Uusi Henkilö", Email(role), (role, _project)));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), role);
            Assert.That((await created.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["roles"], Is.Not.Null, role);
        }

        var funder = await _manager.PostAsJsonAsync("/api/v1/membership/people", new { name = "Rahoittaja", email = Email("rahoittaja"), language = "fi", roles = new object[] { new { role = "contact", projectId = _project }, new { role = "funderObserver", networkId = _network } } });
        Assert.That(funder.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        // Nor by editing someone of their own project.
        var email = Email("ylennys");
        var id = await Setup.PersonAsync(_manager, email, [new { role = "contact", projectId = _project }]);
        var promoted = await _manager.PutAsJsonAsync($"/api/v1/membership/people/{id}", Person("Testi Henkilö", email, ("contact", _project), ("coordinator", _project)));
        Assert.That(promoted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        // A coordinator's role in the manager's project stays when the manager saves the person.
        var staff = Email("koordinaattori-hankkeessa");
        var staffId = await Setup.PersonAsync(_coordinator, staff, [new { role = "coordinator", projectId = _project }, new { role = "contact", projectId = _project }]);
        var kept = await _manager.PutAsJsonAsync($"/api/v1/membership/people/{staffId}", Person("Testi Henkilö", staff, ("contact", _project)));
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var person = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people/{staffId}");
        Assert.That(person!["roles"]!.AsArray().Select(r => r!["role"]!.GetValue<string>()), Is.EquivalentTo(new[] { "coordinator", "contact" }));
    }

    [Test]
    public async Task A_funder_observer_gets_the_funder_role_and_sees_the_indicators_not_the_directory()
    {
        var email = Email("rahoittaja");
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "funderObserver", networkId = _network }], name: "Rahoittajan Edustaja");
        var funder = await Setup.InvitedAsync(App, _coordinator, id, email);
        Assert.That(await App.SiteRolesAsync(email), Is.EqualTo(new[] { Roles.Funder }));
        Assert.Multiple(async () =>
        {
            Assert.That((await funder.GetAsync("/api/v1/monitoring/networks")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await funder.GetAsync("/api/v1/membership/people")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });

        var project = await _coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Väärä Rahoittaja", email = Email("vaara"), language = "fi", roles = new[] { new { role = "funderObserver", projectId = _project } } });
        Assert.That(project.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a funder observes a network");
    }

    [Test]
    public async Task An_expert_alone_gets_a_reviewer_only_sign_in()
    {
        var email = Email("asiantuntija");
        var id = await Setup.PersonAsync(_coordinator, email, [new { role = "expert", networkId = _network }], name: "Ulkopuolinen Asiantuntija");
        var expert = await Setup.InvitedAsync(App, _coordinator, id, email);
        Assert.That(await App.SiteRolesAsync(email), Is.EqualTo(new[] { Roles.Reviewer }));
        Assert.That((await expert.GetAsync("/api/v1/membership/people")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await expert.GetAsync($"/api/v1/membership/people/{id}/export")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "their own data");
    }

    private static string Email(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.fi";

    private static object Person(string name, string email, params (string Role, Guid ProjectId)[] roles)
        => new { name, email, language = "fi", roles = roles.Select(r => new { role = r.Role, projectId = r.ProjectId }).ToArray() };

    private async Task PutRolesAsync(Guid id, string email, params object[] roles)
    {
        var response = await _coordinator.PutAsJsonAsync($"/api/v1/membership/people/{id}", new { name = "Testi Henkilö", email, language = "fi", roles });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<List<Shared.Data.AuditEntry>> AuditAsync(Guid id, string action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().AuditEntries
            .Where(a => a.EntityId == id.ToString() && a.Action == action).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync();
    }
}
