using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>A steering-group event is for its network's steering group and coordinators: every
/// readable route of the table that names an event answers a member or a project manager without
/// the steering-group role with a refusal, never with the event's data.</summary>
public sealed partial class AuthorizationTableTests
{
    [Test]
    public async Task A_steering_group_event_refuses_members_without_the_role_on_every_route_that_names_it()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var created = await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Ohjausverkosto {Guid.NewGuid():N}" } });
        var network = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var start = DateTimeOffset.UtcNow.AddDays(10).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.UtcNow.AddDays(10).AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        // Events learns the network from Membership's event a moment later.
        var response = await Eventually.WaitForAsync(
            () => coordinator.PostAsJsonAsync("/api/v1/events", new { networkId = network, type = "steeringGroup", title = new { fi = "Ohjausryhmän kokous" }, startsAt = start, endsAt = end, audience = "steeringGroup", place = "Helsinki" }),
            r => r.StatusCode == HttpStatusCode.Created);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var routes = Endpoints().Where(e => e.Method == "GET" && e.Pattern.Contains("events/{id:guid}", StringComparison.Ordinal)).ToList();
        Assert.That(routes.Select(r => r.Key), Does.Contain("GET /events/{id:guid}/record/").And.Contain("GET /api/v1/events/{id:guid}"));
        var failures = new List<string>();
        foreach (var role in new[] { Roles.Member, Roles.ProjectManager })
        {
            var api = await App.ApiClientAsync(role);
            var site = await App.BrowserClientAsync(role);
            foreach (var route in routes)
            {
                using var answer = await (route.IsApi ? api : site).GetAsync(route.Pattern.Replace("{id:guid}", id, StringComparison.Ordinal));
                var refused = answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    || (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString.Contains("/account/", StringComparison.Ordinal));
                if (!refused)
                {
                    failures.Add($"{route.Key} as {role}: {(int)answer.StatusCode}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That((await coordinator.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "coordinators see it");
    }
}
