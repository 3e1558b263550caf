using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;

namespace Coordination.Events.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class EventApiTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await EventsSetup.NetworkAsync(App, _coordinator);
    }

    [Test]
    public async Task An_event_is_created_and_read_with_Helsinki_times()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, capacity: 30, startsAt: new DateTimeOffset(2027, 2, 22, 7, 0, 0, TimeSpan.Zero));
        var e = await App.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(e!["title"]!["fi"]!.GetValue<string>(), Is.EqualTo("Verkostowebinaari"));
            Assert.That(e["startsAt"]!.GetValue<DateTime>(), Is.EqualTo(new DateTime(2027, 2, 22, 7, 0, 0, DateTimeKind.Utc)));
            Assert.That(e["capacity"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(e["onlineLink"], Is.Null, "the link is not public");
            Assert.That(e["type"]!.GetValue<string>(), Is.EqualTo("webinar"));
        });

        var local = await _coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = _network, type = "workshop", title = new { fi = "Työpaja" }, startsAt = "2027-06-15T09:00", endsAt = "2027-06-15T12:00", audience = "network",
        });
        var localId = (await local.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var workshop = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{localId}");
        Assert.That(workshop!["startsAt"]!.GetValue<DateTime>(), Is.EqualTo(new DateTime(2027, 6, 15, 6, 0, 0, DateTimeKind.Utc)), "a time without offset is Helsinki summer time (UTC+3)");
    }

    [Test]
    public async Task Bad_input_is_refused_with_field_errors()
    {
        var past = DateTimeOffset.UtcNow.AddDays(-1);
        var response = await _coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = _network, type = "party", title = new { fi = "" }, startsAt = EventsSetup.Time(past), endsAt = EventsSetup.Time(past.AddHours(-1)),
            audience = "everyone", capacity = 0, onlineLink = "javascript:alert(1)",
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "type", "title.fi", "endsAt", "audience", "capacity", "onlineLink" }));

        var inPast = await _coordinator.PostAsJsonAsync("/api/v1/events", new { networkId = _network, type = "webinar", title = new { fi = "Mennyt" }, startsAt = EventsSetup.Time(past), endsAt = EventsSetup.Time(past.AddHours(1)), audience = "public" });
        var inPastProblem = await inPast.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(inPastProblem!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "startsAt" }));

        var unknownNetwork = await _coordinator.PostAsJsonAsync("/api/v1/events", new { networkId = Guid.NewGuid(), type = "webinar", title = new { fi = "X" }, startsAt = "2030-01-01T10:00", endsAt = "2030-01-01T11:00", audience = "public" });
        Assert.That((await unknownNetwork.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "networkId" }));
    }

    [Test]
    public async Task A_series_every_other_week_keeps_the_wall_clock_time_across_daylight_saving()
    {
        var response = await _coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = _network, type = "networkMeeting", title = new { fi = "Matalan kynnyksen tapaaminen" }, audience = "network",
            startsAt = "2027-03-16T14:00", endsAt = "2027-03-16T15:00", repeat = new { everyWeeks = 2, count = 3 },
        });
        var occurrences = (await response.Content.ReadFromJsonAsync<JsonObject>())!["occurrences"]!.AsArray().Select(o => o!.GetValue<Guid>()).ToList();
        Assert.That(occurrences, Has.Count.EqualTo(3));
        var starts = new List<DateTime>();
        foreach (var id in occurrences)
        {
            starts.Add((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["startsAt"]!.GetValue<DateTime>());
        }

        // 16.3. is winter time (UTC+2), 30.3. and 13.4. summer time (UTC+3): always 14.00 in Helsinki.
        Assert.That(starts, Is.EqualTo(new[] { new DateTime(2027, 3, 16, 12, 0, 0), new DateTime(2027, 3, 30, 11, 0, 0), new DateTime(2027, 4, 13, 11, 0, 0) }));

        // One occurrence is cancelled; the others stand.
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{occurrences[1]}/cancel", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var statuses = new List<string>();
        foreach (var id in occurrences)
        {
            statuses.Add((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["status"]!.GetValue<string>());
        }

        Assert.That(statuses, Is.EqualTo(new[] { "scheduled", "cancelled", "scheduled" }));
    }

    [Test]
    public async Task Members_only_events_are_hidden_from_the_public_and_only_coordinators_create()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, audience: "projectManagers");
        var anonymous = App.CreateClient();
        Assert.That((await anonymous.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await member.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var manager = await App.ApiClientAsync(Roles.ProjectManager);
        Assert.That((await manager.GetAsync($"/api/v1/events/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/events?pageSize=100");
        Assert.That(list!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Not.Contain(id));

        var created = await member.PostAsJsonAsync("/api/v1/events", new { networkId = _network, type = "webinar", title = new { fi = "X" }, startsAt = "2030-01-01T10:00", endsAt = "2030-01-01T11:00", audience = "public" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_list_gives_each_role_its_audiences_filtered_and_paged_in_time_order()
    {
        var network = await EventsSetup.NetworkAsync(App, _coordinator);
        var day = DateTimeOffset.UtcNow.AddDays(20);
        var steering = await EventsSetup.EventAsync(_coordinator, network, audience: "steeringGroup", startsAt: day.AddDays(5));
        var managers = await EventsSetup.EventAsync(_coordinator, network, audience: "projectManagers", startsAt: day.AddDays(4));
        var members = await EventsSetup.EventAsync(_coordinator, network, audience: "network", startsAt: day.AddDays(3));
        var workshop = await EventsSetup.EventAsync(_coordinator, network, type: "workshop", startsAt: day.AddDays(2));
        var webinar = await EventsSetup.EventAsync(_coordinator, network, startsAt: day.AddDays(1));
        var elsewhere = await EventsSetup.EventAsync(_coordinator, _network, startsAt: day);

        async Task<(List<Guid> Ids, int Total)> ListAsync(HttpClient client, string query)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/api/v1/events?networkId={network}&{query}");
            return ([.. page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())], page["total"]!.GetValue<int>());
        }

        var anonymous = App.CreateClient();
        var member = await App.ApiClientAsync(Roles.Member);
        var manager = await App.ApiClientAsync(Roles.ProjectManager);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListAsync(anonymous, "pageSize=100"), Is.EqualTo((new List<Guid> { webinar, workshop }, 2)));
            Assert.That(await ListAsync(anonymous, "type=workshop"), Is.EqualTo((new List<Guid> { workshop }, 1)));
            Assert.That(await ListAsync(member, "pageSize=100"), Is.EqualTo((new List<Guid> { webinar, workshop, members }, 3)));
            Assert.That(await ListAsync(manager, "pageSize=100"), Is.EqualTo((new List<Guid> { webinar, workshop, members, managers }, 4)));
            Assert.That(await ListAsync(_coordinator, "pageSize=100"), Is.EqualTo((new List<Guid> { webinar, workshop, members, managers, steering }, 5)));
            Assert.That(await ListAsync(_coordinator, "pageSize=2&page=2"), Is.EqualTo((new List<Guid> { members, managers }, 5)));
            Assert.That(await ListAsync(_coordinator, "pageSize=2&page=4"), Is.EqualTo((new List<Guid>(), 5)), "a page past the end still tells the total");
            Assert.That(await ListAsync(_coordinator, "past=true"), Is.EqualTo((new List<Guid>(), 0)));
            Assert.That(await ListAsync(_coordinator, "type=nonsense&pageSize=100"), Is.EqualTo((new List<Guid> { webinar, workshop, members, managers, steering }, 5)), "an unknown type filters nothing");
        });
        var everywhere = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/events?pageSize=100");
        Assert.That(everywhere!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.SupersetOf(new[] { elsewhere, webinar, workshop }).And.No.Member(members));
    }
}
