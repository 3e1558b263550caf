using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
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
            Assert.That(item.Description, Is.EqualTo("Kuvaus tapahtumasta."), "plain text, not Markdown");
            var zone = calendar.TimeZones.Single();
            Assert.That(zone.TzId, Is.EqualTo("Europe/Helsinki"));
            Assert.That(zone.TimeZoneInfos.Select(i => i.Name), Does.Contain("STANDARD").And.Contain("DAYLIGHT"), "Outlook needs the zone's rules");
            var standard = zone.TimeZoneInfos.First(i => i.Name == "STANDARD");
            Assert.That(standard.OffsetTo!.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
            Assert.That(zone.TimeZoneInfos.First(i => i.Name == "DAYLIGHT").OffsetTo!.Offset, Is.EqualTo(TimeSpan.FromHours(3)));
        });

        var swedish = Calendar.Load(await anonymous.GetStringAsync($"/events/{id}.ics?lang=sv"))!.Events.Single();
        Assert.That(swedish.Summary, Is.EqualTo("Nätverkswebbinarium"), "the reader's language");
        Assert.That(swedish.Description, Is.EqualTo("Kuvaus tapahtumasta."), "Finnish where there is no Swedish text");
        var swedishFeed = Calendar.Load(await anonymous.GetStringAsync("/events/calendar.ics?lang=sv"))!;
        Assert.That(swedishFeed.Events.Single(e => e.Uid == $"{id}@coordination").Summary, Is.EqualTo("Nätverkswebbinarium"));

        await coordinator.PostAsync($"/api/v1/events/{id}/cancel", null);
        var cancelled = Calendar.Load(await anonymous.GetStringAsync($"/events/{id}.ics"))!.Events.Single();
        Assert.That(cancelled.Status, Is.EqualTo("CANCELLED"));
        Assert.That(cancelled.Sequence, Is.EqualTo(1));
        Assert.That(cancelled.Uid, Is.EqualTo(item.Uid));
    }

    [Test]
    public async Task The_public_feed_and_the_network_feed_hold_only_public_events()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinator);
        var open = await EventsSetup.EventAsync(coordinator, network);
        var members = await EventsSetup.EventAsync(coordinator, network, audience: "network");
        var managers = await EventsSetup.EventAsync(coordinator, network, audience: "projectManagers", type: "projectManagerDay");
        var anonymous = App.CreateClient();

        var feed = Calendar.Load(await anonymous.GetStringAsync("/events/calendar.ics"))!;
        var uids = feed.Events.Select(e => e.Uid).ToList();
        Assert.That(uids, Does.Contain($"{open}@coordination").And.Not.Contain($"{members}@coordination").And.Not.Contain($"{managers}@coordination"));

        var networkFeed = Calendar.Load(await anonymous.GetStringAsync($"/events/networks/{network}/calendar.ics"))!;
        Assert.That(networkFeed.Events.Select(e => e.Uid), Is.EquivalentTo(new[] { $"{open}@coordination" }), "calendar apps do not sign in: a feed anyone can fetch carries public events only");
        Assert.That(networkFeed.Events.All(e => e.Description is null), Is.True, "the network feed carries no descriptions");
        var refused = await App.CreateBrowserClient().GetAsync($"/events/{members}.ics");
        Assert.That(refused.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect), "a members' event asks for a sign-in");
    }

    [Test]
    public async Task Each_person_has_a_secret_feed_of_the_events_they_may_see_which_they_regenerate_or_turn_off()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinator);
        var open = $"{await EventsSetup.EventAsync(coordinator, network)}@coordination";
        var members = $"{await EventsSetup.EventAsync(coordinator, network, audience: "network")}@coordination";
        var managers = $"{await EventsSetup.EventAsync(coordinator, network, audience: "projectManagers", type: "projectManagerDay")}@coordination";
        var managerEmail = await App.CreateUserAsync(Roles.ProjectManager);
        var manager = await App.ApiClientForAsync(managerEmail, CoordinationApp.Password);
        var member = await App.ApiClientAsync(Roles.Member);
        var anonymous = App.CreateClient();

        Assert.That((await manager.GetAsync("/api/v1/events/calendar-feed")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no feed until one is made");
        var managerFeed = await FeedUrlAsync(await manager.PostAsync("/api/v1/events/calendar-feed", null));
        var memberFeed = await FeedUrlAsync(await member.PostAsync("/api/v1/events/calendar-feed", null));
        Assert.That(managerFeed, Does.StartWith("http").And.Contain("/events/feeds/"));
        Assert.That(await UidsAsync(anonymous, managerFeed), Is.SupersetOf(new[] { open, members, managers }), "a project manager's feed: every event they may see");
        var memberUids = await UidsAsync(anonymous, memberFeed);
        Assert.That(memberUids, Is.SupersetOf(new[] { open, members }).And.No.Member(managers), "a member's feed: no project-manager events");

        // The feed follows the person's roles now, not when it was made.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Coordination.Host.Identity.AppUser>>();
            var user = (await users.FindByEmailAsync(managerEmail))!;
            await users.RemoveFromRoleAsync(user, Roles.ProjectManager);
            await users.AddToRoleAsync(user, Roles.Member);
        }

        Assert.That(await UidsAsync(anonymous, managerFeed), Does.Contain(members).And.No.Member(managers), "the role taken away takes its events out of the feed");

        var shown = await manager.GetFromJsonAsync<JsonObject>("/api/v1/events/calendar-feed");
        Assert.That(await UidsAsync(anonymous, shown!["url"]!.GetValue<string>()), Does.Contain(open), "the address shown again works");
        var regenerated = await FeedUrlAsync(await manager.PostAsync("/api/v1/events/calendar-feed", null));
        Assert.That((await anonymous.GetAsync(managerFeed)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a new address revokes the old one");
        Assert.That((await anonymous.GetAsync(shown["url"]!.GetValue<string>())).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await UidsAsync(anonymous, regenerated), Does.Contain(open));
        Assert.That((await manager.DeleteAsync("/api/v1/events/calendar-feed")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await anonymous.GetAsync(regenerated)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "turned off");
        Assert.That((await anonymous.GetAsync(memberFeed.Replace("/events/feeds/", "/events/feeds/x", StringComparison.Ordinal))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a made-up address");

        // The page shows the address with buttons to make a new one or turn it off.
        var browser = await App.BrowserClientAsync(Roles.Member);
        var page = await browser.GetStringAsync("/events/my-calendar");
        Assert.That(page, Does.Not.Contain("/events/feeds/"));
        var made = await browser.PostFormAsync("/events/my-calendar", "/events/my-calendar", []);
        Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        page = await browser.GetStringAsync("/events/my-calendar");
        var link = System.Text.RegularExpressions.Regex.Match(page, "(https?://[^\"<]+/events/feeds/[A-Za-z0-9_-]+\\.ics)").Groups[1].Value;
        Assert.That(await UidsAsync(anonymous, link), Does.Contain(members));
        Assert.That((await browser.PostFormAsync("/events/my-calendar", "/events/my-calendar/off", [])).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await anonymous.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<string> FeedUrlAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
    }

    private static async Task<List<string>> UidsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        return [.. Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.Select(e => e.Uid!)];
    }
}
