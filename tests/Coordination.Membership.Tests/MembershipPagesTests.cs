using System.Net;
using System.Net.Http.Json;
using Coordination.Shared.Security;

namespace Coordination.Membership.Tests;

/// <summary>Every Membership page renders for a coordinator in Finnish and Swedish, the forms
/// post with antiforgery, and a project manager is refused another project's forms.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MembershipPagesTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task Every_page_renders_in_finnish_and_swedish()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await Setup.NetworkAsync(api);
        var lead = await Setup.OrganisationAsync(api, "Sivuopisto");
        var project = await Setup.ProjectAsync(api, network, lead);
        var person = await Setup.PersonAsync(api, $"sivu-{Guid.NewGuid():N}@example.fi", [new { role = "contact", projectId = project }]);
        var goal = await Setup.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/goals", new { projectId = project, objective = "Sivun tavoite" }));
        var group = await Setup.IdOfAsync(await api.PostAsJsonAsync("/api/v1/membership/groups", new { networkId = network, name = "Sivuryhmä", memberIds = new[] { person } }));
        await api.PostAsJsonAsync($"/api/v1/membership/networks/{network}/rules", new { text = "Säännöt" });

        string[] pages =
        [
            "/membership/networks", $"/membership/networks/{network}", $"/membership/networks/{network}/edit",
            "/membership/organisations", $"/membership/organisations/{lead}", "/membership/organisations/new", $"/membership/organisations/{lead}/edit",
            "/membership/projects", $"/membership/projects/{project}", "/membership/projects/new", $"/membership/projects/{project}/edit",
            $"/membership/projects/{project}/letters/{lead}",
            "/membership/people", $"/membership/people/{person}", "/membership/people/new", $"/membership/people/{person}/edit", $"/membership/people/{person}/erase",
            $"/membership/goals/{goal}", $"/membership/goals/{goal}/edit", $"/membership/goals/new?projectId={project}",
            $"/membership/groups/{group}", $"/membership/groups/{group}/edit", $"/membership/groups/new?networkId={network}",
            "/membership/import",
        ];
        var client = await App.BrowserClientAsync(Roles.Coordinator);
        foreach (var language in new[] { "fi", "sv" })
        {
            foreach (var page in pages)
            {
                var url = page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + language;
                var response = await client.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
                Assert.That(html, Does.Contain($"<html lang=\"{language}\""), url);
            }
        }
    }

    [Test]
    public async Task A_form_error_is_shown_beside_the_field_and_the_project_form_keeps_the_input()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await Setup.NetworkAsync(api);
        var client = await App.BrowserClientAsync(Roles.Coordinator);
        var response = await client.PostFormAsync("/membership/projects/new", "/membership/projects/new", new()
        {
            ["networkId"] = network.ToString(), ["name"] = "Lomakehanke", ["startDate"] = "31.13.2026", ["endDate"] = "2026-12-31", ["grantedAmount"] = "paljon",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(html, Does.Contain("id=\"f-startDate-error\""));
            Assert.That(html, Does.Contain("id=\"f-grantedAmount-error\""));
            Assert.That(html, Does.Contain("id=\"f-leadOrganisationId-error\""));
            Assert.That(html, Does.Contain("value=\"Lomakehanke\""));
        });
    }

    [Test]
    public async Task A_project_manager_is_refused_another_projects_forms()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await Setup.NetworkAsync(api);
        var lead = await Setup.OrganisationAsync(api);
        var own = await Setup.ProjectAsync(api, network, lead);
        var other = await Setup.ProjectAsync(api, network, lead);
        var email = $"pp-{Guid.NewGuid():N}@example.fi";
        await Setup.InvitedAsync(App, api, await Setup.PersonAsync(api, email, [new { role = "projectManager", projectId = own }]), email);
        var client = App.CreateBrowserClient();
        await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = email, ["password"] = CoordinationApp.Password });

        Assert.That((await client.GetAsync($"/membership/projects/{own}/edit")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var refused = await client.GetAsync($"/membership/projects/{other}/edit");
        Assert.That(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, Is.True, $"{refused.StatusCode}");
        var letter = await client.GetAsync($"/membership/projects/{other}/letters/{lead}");
        Assert.That(letter.StatusCode == HttpStatusCode.Forbidden || letter.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, Is.True);
    }
}
