using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>A steering-group event is for its network's steering group, its project's steering
/// group when it has a project, and coordinators: every readable route of the table that names an
/// event answers a member or a project manager without the role, and the steering group of another
/// project of the same network, with a refusal, never with the event's data.</summary>
public sealed partial class AuthorizationTableTests
{
    [Test]
    public async Task A_steering_group_event_refuses_members_without_the_role_on_every_route_that_names_it()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var created = await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Ohjausverkosto {Guid.NewGuid():N}" } });
        var network = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var project = await ProjectAsync(coordinator, network, "OHJ");
        var otherProject = await ProjectAsync(coordinator, network, "TOI");
        var id = await SteeringGroupEventAsync(coordinator, network, null);
        var projectEvent = await SteeringGroupEventAsync(coordinator, network, project);
        var otherProjectEvent = await SteeringGroupEventAsync(coordinator, network, otherProject);

        var routes = Endpoints().Where(e => e.Method == "GET" && e.Pattern.Contains("events/{id:guid}", StringComparison.Ordinal)).ToList();
        Assert.That(routes.Select(r => r.Key), Does.Contain("GET /events/{id:guid}/record/").And.Contain("GET /api/v1/events/{id:guid}"));
        var failures = new List<string>();
        async Task RefusedEverywhereAsync(string who, HttpClient api, HttpClient site, Guid eventId)
        {
            foreach (var route in routes)
            {
                using var answer = await (route.IsApi ? api : site).GetAsync(route.Pattern.Replace("{id:guid}", eventId.ToString(), StringComparison.Ordinal));
                var refused = answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    || (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString.Contains("/account/", StringComparison.Ordinal));
                if (!refused)
                {
                    failures.Add($"{route.Key} as {who}: {(int)answer.StatusCode}");
                }
            }
        }

        foreach (var role in new[] { Roles.Member, Roles.ProjectManager })
        {
            var api = await App.ApiClientAsync(role);
            var site = await App.BrowserClientAsync(role);
            await RefusedEverywhereAsync(role, api, site, id);
            await RefusedEverywhereAsync(role, api, site, projectEvent);
        }

        // The steering group of the other project: Events knows their role once they see that
        // project's meeting; then every route of this project's meeting refuses them.
        var (otherApi, otherSite) = await SteeringGroupMemberAsync(coordinator, otherProject);
        Assert.That((await Eventually.WaitForAsync(() => otherApi.GetAsync($"/api/v1/events/{otherProjectEvent}"), r => r.StatusCode == HttpStatusCode.OK)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK), "a project's steering group sees its project's meeting");
        await RefusedEverywhereAsync("the steering group of another project", otherApi, otherSite, projectEvent);
        await RefusedEverywhereAsync("a project's steering group, on the network's meeting", otherApi, otherSite, id);

        Assert.That(failures, Is.Empty);
        Assert.That((await coordinator.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "coordinators see it");
        var (ownApi, _) = await SteeringGroupMemberAsync(coordinator, project);
        Assert.That((await Eventually.WaitForAsync(() => ownApi.GetAsync($"/api/v1/events/{projectEvent}"), r => r.StatusCode == HttpStatusCode.OK)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK), "the project's own steering group sees it");
    }

    private static Task<Guid> IdOfAsync(HttpResponseMessage response)
        => ApiSetup.IdOfAsync(response);

    private static async Task<Guid> ProjectAsync(HttpClient coordinator, Guid network, string acronym)
    {
        var lead = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {acronym} {Guid.NewGuid():N}", type = "educationProvider", language = "fi" }));
        return await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = "OPH-5/2026", leadOrganisationId = lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 30000m,
        }));
    }

    private static async Task<Guid> SteeringGroupEventAsync(HttpClient coordinator, Guid network, Guid? project)
    {
        var start = DateTimeOffset.UtcNow.AddDays(10).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.UtcNow.AddDays(10).AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        // Events learns the network and the project from Membership's events a moment later.
        var response = await Eventually.WaitForAsync(
            () => coordinator.PostAsJsonAsync("/api/v1/events", new { networkId = network, projectId = project, type = "steeringGroup", title = new { fi = "Ohjausryhmän kokous" }, startsAt = start, endsAt = end, audience = "steeringGroup", place = "Helsinki" }),
            r => r.StatusCode == HttpStatusCode.Created);
        return await IdOfAsync(response);
    }

    /// <summary>A directory person with the steering-group role of <paramref name="project"/>,
    /// invited and signed in to the API and to the site.</summary>
    private async Task<(HttpClient Api, HttpClient Site)> SteeringGroupMemberAsync(HttpClient coordinator, Guid project)
    {
        var email = $"ohjaaja-{Guid.NewGuid():N}@example.fi";
        var person = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Hankkeen Ohjaaja", email, language = "fi", roles = new[] { new { role = "steeringGroup", projectId = project } } }));
        Assert.That((await coordinator.PostAsync($"/api/v1/membership/people/{person}/invitation", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await App.SetPasswordAsync(email);
        var site = App.CreateBrowserClient();
        Assert.That((await site.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = email, ["password"] = CoordinationApp.Password })).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return (await App.ApiClientForAsync(email, CoordinationApp.Password), site);
    }
}
