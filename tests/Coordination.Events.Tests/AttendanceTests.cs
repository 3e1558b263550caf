using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Events.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>Attendance, walk-ins, EventHeld, the funder's statistics; theme wishes.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AttendanceTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;

    protected override IDictionary<string, string?>? Settings => EventsSetup.NoPublicRateLimit;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await EventsSetup.NetworkAsync(App, _coordinator);
    }

    [Test]
    public async Task An_event_is_marked_held_only_once_it_has_begun_and_on_the_page_only_when_confirmed()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, startsAt: DateTimeOffset.UtcNow.AddDays(2));
        var early = await _coordinator.PostAsync($"/api/v1/events/{id}/held", null);
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await early.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("ennen kuin se on alkanut"));
        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        var page = await browser.GetStringAsync($"/events/{id}/registrations");
        Assert.That(page, Does.Not.Contain($"action=\"/events/{id}/held\""), "no button before the event begins");
        Assert.That(page, Does.Contain("kun se on alkanut"));

        await EventsSetup.DateAsync(_coordinator, _network, id, DateTimeOffset.UtcNow.AddMinutes(-30));
        var unconfirmed = await browser.PostFormAsync($"/events/{id}/registrations", $"/events/{id}/held", []);
        Assert.That(unconfirmed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unconfirmed.Content.ReadAsStringAsync(), Does.Contain("Vahvista, että osallistujat on merkitty"));
        Assert.That((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["status"]!.GetValue<string>(), Is.Not.EqualTo("held"), "nothing changed");

        var confirmed = await browser.PostFormAsync($"/events/{id}/registrations", $"/events/{id}/held", new() { ["confirm"] = "true" });
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["status"]!.GetValue<string>(), Is.EqualTo("held"));

        var cancelled = await EventsSetup.EventAsync(_coordinator, _network, startsAt: DateTimeOffset.UtcNow.AddDays(2));
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{cancelled}/cancel", null)).IsSuccessStatusCode, Is.True);
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{cancelled}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Marking_attendance_and_the_event_held_publishes_EventHeld_and_feeds_the_statistics()
    {
        // Entered ahead and registered for, then dated to last March when they were held.
        var year = DateTime.UtcNow.Year - 1;
        var day = new DateTimeOffset(year, 3, 10, 8, 0, 0, TimeSpan.Zero);
        var webinar = await EventsSetup.EventAsync(_coordinator, _network, startsAt: DateTimeOffset.UtcNow.AddDays(10));
        var workshop = await EventsSetup.EventAsync(_coordinator, _network, startsAt: DateTimeOffset.UtcNow.AddDays(17), type: "workshop");
        var guest = App.CreateClient();
        var ids = new List<Guid>();
        foreach (var (email, organisation) in new[] { ("anna@example.fi", "Opisto A"), ("bertta@example.fi", "opisto a "), ("cecilia@example.fi", "Opisto B") })
        {
            var response = await EventsSetup.RegisterAsync(guest, webinar, email, email.Split('@')[0], organisation);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        await EventsSetup.RegisterAsync(guest, workshop, "anna@example.fi", "anna", "Opisto A");
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/events/{webinar}/attendance", new { registrationIds = ids.Take(2) })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var walkIn = await _coordinator.PostAsJsonAsync($"/api/v1/events/{webinar}/walk-ins", new { name = "Daniel", email = "daniel@example.fi", organisation = "Yritys C" });
        Assert.That(walkIn.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await EventsSetup.DateAsync(_coordinator, _network, webinar, day);
        await EventsSetup.DateAsync(_coordinator, _network, workshop, day.AddDays(7), type: "workshop");
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{webinar}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{webinar}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "again: no second event");

        var list = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{workshop}/registrations");
        await _coordinator.PutAsJsonAsync($"/api/v1/events/{workshop}/attendance", new { registrationIds = list!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()) });
        await _coordinator.PostAsync($"/api/v1/events/{workshop}/held", null);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var held = await db.OutboxMessages.Where(m => m.Type.EndsWith("EventHeld") && m.Payload.Contains(webinar.ToString())).ToListAsync();
            Assert.That(held, Has.Count.EqualTo(1));
            var payload = JsonNode.Parse(held[0].Payload)!;
            Assert.Multiple(() =>
            {
                Assert.That(payload["participantCount"]!.GetValue<int>(), Is.EqualTo(3));
                Assert.That(payload["organisationCount"]!.GetValue<int>(), Is.EqualTo(2), "\"Opisto A\" and \"opisto a \" are one organisation");
                Assert.That(payload["attendees"]!.AsArray().Select(a => a!["email"]!.GetValue<string>()), Is.EquivalentTo(new[] { "anna@example.fi", "bertta@example.fi", "daniel@example.fi" }));
            });
        }

        var stats = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/statistics?from={year}-01-01&to={year}-12-31");
        var byType = stats!["byType"]!.AsArray().ToDictionary(r => r!["type"]!.GetValue<string>(), r => (Events: r!["events"]!.GetValue<int>(), Participants: r["participants"]!.GetValue<int>()));
        Assert.Multiple(() =>
        {
            Assert.That(byType["webinar"], Is.EqualTo((1, 3)));
            Assert.That(byType["workshop"], Is.EqualTo((1, 1)));
            Assert.That(stats["events"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(stats["participants"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(stats["uniqueParticipants"]!.GetValue<int>(), Is.EqualTo(3), "Anna came twice");
            Assert.That(stats["organisationsReached"]!.GetValue<int>(), Is.EqualTo(2));
        });

        var csv = await _coordinator.GetStringAsync($"/api/v1/events/statistics.csv?from={year}-01-01&to={year}-12-31");
        Assert.That(csv, Does.Contain("Webinaari;1;3"));
        var bad = await _coordinator.GetAsync("/api/v1/events/statistics?from=eilen");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var funder = await App.ApiClientAsync(Roles.Funder);
        Assert.That((await funder.GetAsync("/api/v1/events/statistics")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "funders see the counts");
    }

    /// <summary>"Marked held" is taken back (confirmed, audited, EventHeldRetracted published) until
    /// the feedback survey has answers; marked again, the event counts once.</summary>
    [Test]
    public async Task Marking_held_is_undone_until_the_feedback_survey_has_answers_and_marked_again_counts_once()
    {
        var year = DateTime.UtcNow.Year - 2;
        var day = new DateTimeOffset(year, 5, 12, 8, 0, 0, TimeSpan.Zero);
        var id = await EventsSetup.EventAsync(_coordinator, _network, startsAt: DateTimeOffset.UtcNow.AddDays(3), type: "roundTable");
        var registered = await EventsSetup.RegisterAsync(App.CreateClient(), id, "ulla@example.fi", "Ulla", "Opisto U");
        var registration = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await _coordinator.PutAsJsonAsync($"/api/v1/events/{id}/attendance", new { registrationIds = new[] { registration } });
        await EventsSetup.DateAsync(_coordinator, _network, id, day, type: "roundTable");
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/events/{id}/held")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "not held: nothing to undo");
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{id}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        Assert.That(await browser.GetStringAsync($"/events/{id}/registrations"), Does.Contain($"action=\"/events/{id}/held/undo\""));
        var unconfirmed = await browser.PostFormAsync($"/events/{id}/registrations", $"/events/{id}/held/undo", []);
        Assert.That(unconfirmed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unconfirmed.Content.ReadAsStringAsync(), Does.Contain("Vahvista, että haluat perua pidetyksi merkitsemisen"));
        Assert.That((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["status"]!.GetValue<string>(), Is.EqualTo("held"), "nothing changed");

        var undone = await browser.PostFormAsync($"/events/{id}/registrations", $"/events/{id}/held/undo", new() { ["confirmUndo"] = "true" });
        Assert.That(undone.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["status"]!.GetValue<string>(), Is.EqualTo("scheduled"));
        var stats = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/statistics?from={year}-01-01&to={year}-12-31");
        Assert.That(stats!["events"]!.GetValue<int>(), Is.EqualTo(0), "no longer held");

        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{id}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "marked held again");
        stats = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/statistics?from={year}-01-01&to={year}-12-31");
        Assert.Multiple(() =>
        {
            Assert.That(stats!["events"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(stats["participants"]!.GetValue<int>(), Is.EqualTo(1));
        });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var types = await db.OutboxMessages.Where(m => m.Payload.Contains(id.ToString()) && (m.Type.EndsWith("EventHeld") || m.Type.EndsWith("EventHeldRetracted"))).OrderBy(m => m.OccurredAt).Select(m => m.Type).ToListAsync();
            Assert.That(types.Select(t => t[(t.LastIndexOf('.') + 1)..]), Is.EqualTo(new[] { "EventHeld", "EventHeldRetracted", "EventHeld" }));
            Assert.That(await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "RetractEventHeld"), Is.EqualTo(1));

            // Surveys says the feedback survey has an answer.
            var now = DateTime.UtcNow;
            db.Publish(new Surveys.Contracts.EventFeedbackAnswered(Guid.NewGuid(), id, _network), now);
            await db.SaveChangesAsync();
        }

        await Eventually.WaitForAsync(() => MeetingSetup.InEventsAsync(App, db => db.Events.AnyAsync(e => e.Id == id && e.FeedbackAnsweredAt != null)), heard => heard);
        var refused = await _coordinator.DeleteAsync($"/api/v1/events/{id}/held");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("palautekyselyyn on jo vastattu"));
        var page = await browser.GetStringAsync($"/events/{id}/registrations");
        Assert.That(page, Does.Not.Contain($"action=\"/events/{id}/held/undo\""), "no undo once answered");
        Assert.That((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["status"]!.GetValue<string>(), Is.EqualTo("held"));
    }

    [Test]
    public async Task Members_propose_and_vote_themes_and_the_ranking_follows_the_votes()
    {
        var day = await EventsSetup.EventAsync(_coordinator, _network, type: "developmentDay", audience: "network");
        var first = await App.ApiClientAsync(Roles.Member);
        var second = await App.ApiClientAsync(Roles.ProjectManager);
        var ohjaus = (await (await first.PostAsJsonAsync($"/api/v1/events/{day}/theme-wishes", new { text = "Ohjaus" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var arviointi = (await (await second.PostAsJsonAsync($"/api/v1/events/{day}/theme-wishes", new { text = "Arviointi" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var duplicate = await second.PostAsJsonAsync($"/api/v1/events/{day}/theme-wishes", new { text = "ohjaus" });
        Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        await first.PutAsync($"/api/v1/events/{day}/theme-wishes/{arviointi}/vote", null);
        await second.PutAsync($"/api/v1/events/{day}/theme-wishes/{arviointi}/vote", null);
        await second.PutAsync($"/api/v1/events/{day}/theme-wishes/{arviointi}/vote", null);
        await first.PutAsync($"/api/v1/events/{day}/theme-wishes/{ohjaus}/vote", null);
        var ranking = await _coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/events/{day}/theme-wishes");
        Assert.That(ranking!.Select(w => (w!["text"]!.GetValue<string>(), w["votes"]!.GetValue<int>())), Is.EqualTo(new[] { ("Arviointi", 2), ("Ohjaus", 1) }));

        await first.DeleteAsync($"/api/v1/events/{day}/theme-wishes/{arviointi}/vote");
        ranking = await _coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/events/{day}/theme-wishes");
        Assert.That(ranking!.Select(w => w!["votes"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 1 }));
        Assert.That((await App.CreateClient().GetAsync($"/api/v1/events/{day}/theme-wishes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Theme_wishes_follow_the_events_audience()
    {
        var day = await EventsSetup.EventAsync(_coordinator, _network, type: "projectManagerDay", audience: "projectManagers");
        var manager = await App.ApiClientAsync(Roles.ProjectManager);
        var wish = (await (await manager.PostAsJsonAsync($"/api/v1/events/{day}/theme-wishes", new { text = "Budjetointi" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var member = await App.ApiClientAsync(Roles.Member);
        var memberPages = await App.BrowserClientAsync(Roles.Member);
        var formPage = $"/events/{await EventsSetup.EventAsync(_coordinator, _network, type: "developmentDay", audience: "network")}/themes";

        Assert.Multiple(async () =>
        {
            Assert.That((await member.GetAsync($"/api/v1/events/{day}/theme-wishes")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a member does not read a project-manager day's wishes");
            Assert.That((await member.PostAsJsonAsync($"/api/v1/events/{day}/theme-wishes", new { text = "Oma teema" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nor proposes");
            Assert.That((await member.PutAsync($"/api/v1/events/{day}/theme-wishes/{wish}/vote", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nor votes");
            Assert.That((await member.DeleteAsync($"/api/v1/events/{day}/theme-wishes/{wish}/vote")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            var page = await memberPages.GetAsync($"/events/{day}/themes");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the page does not show the event's title either");
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Not.Contain("Verkostowebinaari").And.Not.Contain("Budjetointi"));
            var vote = await memberPages.PostFormAsync(formPage, $"/events/{day}/themes/{wish}/vote", []);
            Assert.That(vote.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            var propose = await memberPages.PostFormAsync(formPage, $"/events/{day}/themes", new() { ["text"] = "Sivun kautta" });
            Assert.That(propose.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });

        var ranking = await manager.GetFromJsonAsync<JsonArray>($"/api/v1/events/{day}/theme-wishes");
        Assert.That(ranking!.Select(w => (w!["text"]!.GetValue<string>(), w["votes"]!.GetValue<int>())), Is.EqualTo(new[] { ("Budjetointi", 0) }), "nothing the member tried reached the list");
    }
}
