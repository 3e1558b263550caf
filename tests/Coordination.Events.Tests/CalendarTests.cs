using System.Net.Http.Json;
using Coordination.Shared.Security;
using Ical.Net;

namespace Coordination.Events.Tests;

/// <summary>The .ics output parsed back with Ical.Net.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class CalendarTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task An_event_is_valid_iCalendar_with_time_zone_uid_and_a_sequence_that_rises()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinator);
        var id = await EventsSetup.EventAsync(coordinator, network, startsAt: new DateTimeOffset(2027, 2, 22, 7, 0, 0, TimeSpan.Zero));
        var anonymous = App.CreateClient();

        var response = await anonymous.GetAsync($"/events/{id}.ics");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        var item = calendar.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("BEGIN:VTIMEZONE").And.Contain("TZID:Europe/Helsinki"));
            Assert.That(item.Uid, Is.EqualTo($"{id}@coordination"));
            Assert.That(item.Summary, Is.EqualTo("Verkostowebinaari"));
            Assert.That(item.DtStart!.TzId, Is.EqualTo("Europe/Helsinki"));
            Assert.That(item.DtStart.Hour, Is.EqualTo(9), "07.00 UTC is 9.00 in Helsinki in February");
            Assert.That(item.Sequence, Is.Zero);
            Assert.That(item.Status, Is.EqualTo("CONFIRMED"));
            Assert.That(text, Does.Not.Contain("meet.example.fi"), "the online link stays out of calendars");
        });

        await coordinator.PostAsync($"/api/v1/events/{id}/cancel", null);
        var cancelled = Calendar.Load(await anonymous.GetStringAsync($"/events/{id}.ics"))!.Events.Single();
        Assert.That(cancelled.Status, Is.EqualTo("CANCELLED"));
        Assert.That(cancelled.Sequence, Is.EqualTo(1));
        Assert.That(cancelled.Uid, Is.EqualTo(item.Uid));
    }

    [Test]
    public async Task The_public_feed_holds_only_public_events_and_the_network_feed_the_networks()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinator);
        var open = await EventsSetup.EventAsync(coordinator, network);
        var members = await EventsSetup.EventAsync(coordinator, network, audience: "network");
        var anonymous = App.CreateClient();

        var feed = Calendar.Load(await anonymous.GetStringAsync("/events/calendar.ics"))!;
        var uids = feed.Events.Select(e => e.Uid).ToList();
        Assert.That(uids, Does.Contain($"{open}@coordination").And.Not.Contain($"{members}@coordination"));

        var networkFeed = Calendar.Load(await anonymous.GetStringAsync($"/events/networks/{network}/calendar.ics"))!;
        Assert.That(networkFeed.Events.Select(e => e.Uid), Is.EquivalentTo(new[] { $"{open}@coordination", $"{members}@coordination" }));
        Assert.That(networkFeed.Events.All(e => e.Description is null), Is.True, "the network feed carries no descriptions");
        var refused = await App.CreateBrowserClient().GetAsync($"/events/{members}.ics");
        Assert.That(refused.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect), "a members' event asks for a sign-in");
    }
}
