using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;

namespace Coordination.Events.Tests;

/// <summary>A steering-group event, its minutes and decisions: for the people with the
/// steering-group role of its network and for coordinators; other members of the network, a
/// steering group of another network and the public are refused.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class SteeringGroupTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task Only_the_networks_steering_group_and_coordinators_see_its_meetings_minutes_and_decisions()
    {
        var coordinatorApi = await App.ApiClientAsync(Roles.Coordinator);
        var coordinator = await App.BrowserClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinatorApi);
        var otherNetwork = await EventsSetup.NetworkAsync(App, coordinatorApi);
        var id = await EventsSetup.EventAsync(coordinatorApi, network, audience: "steeringGroup", type: "steeringGroup");
        var open = await EventsSetup.EventAsync(coordinatorApi, network, audience: "network", type: "networkMeeting");

        var page = $"/events/{id}/record";
        await coordinator.PostFormAsync(page, $"{page}/minutes", new() { ["minutes"] = "Ohjausryhmän luottamuksellinen pöytäkirja" });
        await coordinator.PostFormAsync(page, $"{page}/decisions", new() { ["decision"] = "Ohjausryhmän päätös budjetista." });
        await coordinator.PostFormAsync(page, $"{page}/approve", []);
        var openPage = $"/events/{open}/record";
        await coordinator.PostFormAsync(openPage, $"{openPage}/minutes", new() { ["minutes"] = "Avoin pöytäkirja" });
        await coordinator.PostFormAsync(openPage, $"{openPage}/decisions", new() { ["decision"] = "Verkoston päätös." });
        await coordinator.PostFormAsync(openPage, $"{openPage}/approve", []);

        var (_, steeringEmail, steering) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Ohjaus Ryhmäläinen", steeringGroupOf: network);
        var (_, _, otherSteering) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Toisen Ohjaaja", steeringGroupOf: otherNetwork);
        var (_, memberEmail, member) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Tavallinen Jäsen");

        async Task<List<string>> DecisionsAsync(HttpClient client)
            => [.. (await client.GetFromJsonAsync<JsonObject>($"/api/v1/events/decisions?networkId={network}"))!["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>())];

        Assert.Multiple(async () =>
        {
            Assert.That((await steering.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the network's steering group");
            Assert.That((await coordinatorApi.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "coordinators");
            Assert.That((await member.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a member without the role");
            Assert.That((await otherSteering.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another network's steering group");
            Assert.That((await App.CreateClient().GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the public");

            Assert.That(await DecisionsAsync(steering), Is.EquivalentTo(new[] { "Ohjausryhmän päätös budjetista.", "Verkoston päätös." }));
            Assert.That(await DecisionsAsync(coordinatorApi), Is.EquivalentTo(new[] { "Ohjausryhmän päätös budjetista.", "Verkoston päätös." }));
            Assert.That(await DecisionsAsync(member), Is.EqualTo(new[] { "Verkoston päätös." }), "the steering group's decisions are not in a member's register");
            Assert.That(await DecisionsAsync(otherSteering), Is.EqualTo(new[] { "Verkoston päätös." }));

            var listed = (await member.GetFromJsonAsync<JsonObject>($"/api/v1/events?networkId={network}"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
            Assert.That(listed, Does.Contain(open).And.Not.Contain(id), "nor in a member's calendar");
            var steeringListed = (await steering.GetFromJsonAsync<JsonObject>($"/api/v1/events?networkId={network}"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
            Assert.That(steeringListed, Does.Contain(id));
        });

        // Registering follows the same rule as seeing the event.
        Assert.That((await member.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { name = "Tavallinen Jäsen", email = memberEmail })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var registered = await steering.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { name = "Ohjaus Ryhmäläinen", email = steeringEmail });
        Assert.That(registered.IsSuccessStatusCode, Is.True, await registered.Content.ReadAsStringAsync());

        // The record page (minutes) through the site, signed in as each.
        var memberSite = await App.BrowserClientAsync(Roles.Member);
        var denied = await memberSite.GetAsync(page);
        Assert.That(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, Is.True);
        if (denied.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.That(denied.Headers.Location!.OriginalString, Does.Contain("/account/access-denied"));
        }

        Assert.That(await coordinator.GetStringAsync(page), Does.Contain("Ohjausryhmän luottamuksellinen pöytäkirja"));
        Assert.That(await memberSite.GetStringAsync(openPage), Does.Contain("Avoin pöytäkirja"));
    }
}
