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

    [Test]
    public async Task A_projects_steering_group_sees_the_projects_steering_group_meetings_and_not_another_projects()
    {
        var coordinatorApi = await App.ApiClientAsync(Roles.Coordinator);
        var coordinator = await App.BrowserClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinatorApi);
        var otherNetwork = await EventsSetup.NetworkAsync(App, coordinatorApi);
        var project = await EventsSetup.ProjectAsync(App, coordinatorApi, network, "OHJ");
        var otherProject = await EventsSetup.ProjectAsync(App, coordinatorApi, network, "TOI");
        var foreignProject = await EventsSetup.ProjectAsync(App, coordinatorApi, otherNetwork, "ULK");
        var own = await EventsSetup.EventAsync(coordinatorApi, network, audience: "steeringGroup", type: "steeringGroup", projectId: project);
        var other = await EventsSetup.EventAsync(coordinatorApi, network, audience: "steeringGroup", type: "steeringGroup", projectId: otherProject);
        var networkOnly = await EventsSetup.EventAsync(coordinatorApi, network, audience: "steeringGroup", type: "steeringGroup");

        // A project of another network is refused, on the API and on the form.
        var start = DateTimeOffset.UtcNow.AddDays(10);
        var refused = await coordinatorApi.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = network, type = "steeringGroup", title = new { fi = "Väärä hanke" }, startsAt = EventsSetup.Time(start), endsAt = EventsSetup.Time(start.AddHours(1)),
            audience = "steeringGroup", projectId = foreignProject,
        });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["projectId"], Is.Not.Null);
        var form = await coordinator.GetStringAsync($"/events/manage/{own}/edit");
        Assert.That(form, Does.Contain($"<option value=\"{project}\" selected"), "the edit form shows the event's project");

        foreach (var id in new[] { own, other })
        {
            var page = $"/events/{id}/record";
            await coordinator.PostFormAsync(page, $"{page}/minutes", new() { ["minutes"] = $"Pöytäkirja {id}" });
            await coordinator.PostFormAsync(page, $"{page}/decisions", new() { ["decision"] = $"Päätös {id}" });
            await coordinator.PostFormAsync(page, $"{page}/approve", []);
        }

        var (_, steeringEmail, steering) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Hankkeen Ohjaaja", steeringGroupOfProject: project);
        var (_, memberEmail, member) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Tavallinen Jäsen");
        var (_, _, networkSteering) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Verkoston Ohjaaja", steeringGroupOf: network);

        async Task<List<string>> DecisionsAsync(HttpClient client)
            => [.. (await client.GetFromJsonAsync<JsonObject>($"/api/v1/events/decisions?networkId={network}"))!["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>())];

        async Task<List<Guid>> ListedAsync(HttpClient client)
            => [.. (await client.GetFromJsonAsync<JsonObject>($"/api/v1/events?networkId={network}&pageSize=100"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];

        Assert.Multiple(async () =>
        {
            var details = await steering.GetAsync($"/api/v1/events/{own}");
            Assert.That(details.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the project's steering group");
            Assert.That((await details.Content.ReadFromJsonAsync<JsonObject>())!["projectId"]!.GetValue<Guid>(), Is.EqualTo(project));
            Assert.That((await steering.GetAsync($"/api/v1/events/{other}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not another project's");
            Assert.That((await steering.GetAsync($"/api/v1/events/{networkOnly}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "nor the network's own steering group's");
            Assert.That((await member.GetAsync($"/api/v1/events/{own}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a member without the role");
            Assert.That((await networkSteering.GetAsync($"/api/v1/events/{own}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the network's steering group sees its projects' meetings");

            Assert.That(await ListedAsync(steering), Does.Contain(own).And.No.Member(other).And.No.Member(networkOnly));
            Assert.That(await ListedAsync(member), Has.No.Member(own));
            Assert.That(await DecisionsAsync(steering), Is.EqualTo(new[] { $"Päätös {own}" }), "the register: the own project's decisions only");
            Assert.That(await DecisionsAsync(member), Is.Empty);
        });

        Assert.That((await member.PostAsJsonAsync($"/api/v1/events/{own}/registrations", new { name = "Tavallinen Jäsen", email = memberEmail })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await steering.PostAsJsonAsync($"/api/v1/events/{other}/registrations", new { name = "Hankkeen Ohjaaja", email = steeringEmail })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var registered = await steering.PostAsJsonAsync($"/api/v1/events/{own}/registrations", new { name = "Hankkeen Ohjaaja", email = steeringEmail });
        Assert.That(registered.IsSuccessStatusCode, Is.True, await registered.Content.ReadAsStringAsync());

        // The event page names the project.
        Assert.That(await coordinator.GetStringAsync($"/events/{own}"), Does.Contain("OHJ – Hanke OHJ"));
    }

    [Test]
    public async Task The_calendar_feed_of_a_steering_group_member_has_the_steering_groups_meetings_and_another_members_does_not()
    {
        var coordinatorApi = await App.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinatorApi);
        var project = await EventsSetup.ProjectAsync(App, coordinatorApi, network, "SYO");
        var networkMeeting = await EventsSetup.EventAsync(coordinatorApi, network, audience: "steeringGroup", type: "steeringGroup");
        var projectMeeting = await EventsSetup.EventAsync(coordinatorApi, network, audience: "steeringGroup", type: "steeringGroup", projectId: project);
        var open = await EventsSetup.EventAsync(coordinatorApi, network, audience: "network", type: "networkMeeting");

        var (_, _, steering) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Syötteen Ohjaaja", steeringGroupOf: network);
        var (_, _, projectSteering) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Hankkeen Syöttäjä", steeringGroupOfProject: project);
        var (_, _, member) = await MeetingSetup.PersonAsync(App, coordinatorApi, "Syötteen Jäsen");
        var anonymous = App.CreateClient();

        async Task<string> FeedAsync(HttpClient client)
        {
            var made = await client.PostAsync("/api/v1/events/calendar-feed", null);
            Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Created), await made.Content.ReadAsStringAsync());
            var response = await anonymous.GetAsync((await made.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return await response.Content.ReadAsStringAsync();
        }

        var steeringFeed = await FeedAsync(steering);
        var projectFeed = await FeedAsync(projectSteering);
        var memberFeed = await FeedAsync(member);
        Assert.Multiple(() =>
        {
            Assert.That(steeringFeed, Does.Contain(networkMeeting.ToString()).And.Contain(projectMeeting.ToString()).And.Contain(open.ToString()), "the network's steering group");
            Assert.That(projectFeed, Does.Contain(projectMeeting.ToString()).And.Not.Contain(networkMeeting.ToString()), "the project's steering group");
            Assert.That(memberFeed, Does.Contain(open.ToString()).And.Not.Contain(networkMeeting.ToString()).And.Not.Contain(projectMeeting.ToString()), "a member without the role");
        });
    }
}
