using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Events.Data;
using Coordination.Events.Features.ActionItems;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>Action items through the API: recorded for a directory person, listed as theirs,
/// closed by them with who and when; the coordinator's overdue list.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ActionItemTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task An_item_is_recorded_for_a_person_listed_as_theirs_and_closed_with_who_and_when()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinator);
        var id = await EventsSetup.EventAsync(coordinator, network, audience: "network", type: "networkMeeting");
        var (personId, _, person) = await MeetingSetup.PersonAsync(App, coordinator, "Toimi Tekijä");
        var (_, _, other) = await MeetingSetup.PersonAsync(App, coordinator, "Muu Jäsen");

        var invalid = await coordinator.PostAsJsonAsync($"/api/v1/events/{id}/action-items", new { what = "", personId = Guid.NewGuid(), due = "huomenna" });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "what", "personId", "due" }));
        Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/events/{Guid.NewGuid()}/action-items", new { what = "x", personId, due = "2027-01-01" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await person.PostAsJsonAsync($"/api/v1/events/{id}/action-items", new { what = "x", personId, due = "2027-01-01" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only the organiser records items");

        var overdueDue = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await coordinator.PostAsJsonAsync($"/api/v1/events/{id}/action-items", new { what = "Kokoa hankkeiden tilannekatsaus", personId, due = overdueDue });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var itemId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var mine = await person.GetFromJsonAsync<JsonObject>("/api/v1/events/action-items?mine=true");
        Assert.That(mine!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { itemId }));
        Assert.That((await other.GetFromJsonAsync<JsonObject>("/api/v1/events/action-items?mine=true"))!["items"]!.AsArray(), Is.Empty, "another person's items are not mine");
        Assert.That((await other.GetAsync("/api/v1/events/action-items")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "everyone's items are for coordinators");
        var overdue = await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/events/action-items?overdue=true");
        Assert.That(overdue!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(itemId));

        Assert.That((await other.PostAsync($"/api/v1/events/action-items/{itemId}/close", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not theirs to close");
        Assert.That((await person.PostAsync($"/api/v1/events/action-items/{itemId}/close", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var item = await MeetingSetup.InEventsAsync(App, db => db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == itemId));
        Assert.Multiple(() =>
        {
            Assert.That(item.Status, Is.EqualTo(ActionItemStatus.Done));
            Assert.That(item.ClosedAt, Is.Not.Null);
            Assert.That(item.ClosedBy, Is.Not.Null.And.Not.Empty);
        });
        Assert.That((await person.GetFromJsonAsync<JsonObject>("/api/v1/events/action-items?mine=true"))!["items"]!.AsArray(), Is.Empty);
    }
}

/// <summary>The reminder a week before an action item's due date, through a real SMTP server:
/// once, also when the host restarts between runs.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ActionItemReminderTests(Provider provider)
{
    [Test]
    public async Task A_person_is_reminded_once_a_week_before_the_due_date_also_across_a_restart()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Coordination:Email:SmtpHost"] = "127.0.0.1",
            ["Coordination:Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coordination:Email:SmtpSecurity"] = "None",
            ["Coordination:Email:FromAddress"] = "tapahtumat@example.fi",
            ["Coordination:PublicBaseUrl"] = "https://koordinaatio.example.fi",
        };

        string email;
        await using (var app = new CoordinationApp(database, settings))
        {
            var coordinator = await app.ApiClientAsync(Roles.Coordinator);
            var network = await EventsSetup.NetworkAsync(app, coordinator);
            var id = await EventsSetup.EventAsync(coordinator, network, audience: "network", type: "networkMeeting");
            var (personId, personEmail, _) = await MeetingSetup.PersonAsync(app, coordinator, "Muistettava Tekijä");
            email = personEmail;
            await smtp.WaitForAsync(1); // the invitation
            var helsinkiToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).DateTime);
            foreach (var (what, due) in new[] { ("Viikon päästä", helsinkiToday.AddDays(6)), ("Kuukauden päästä", helsinkiToday.AddDays(30)) })
            {
                var created = await coordinator.PostAsJsonAsync($"/api/v1/events/{id}/action-items", new { what, personId, due = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            }

            await RunJobAsync(app);
            var afterFirst = await smtp.WaitForAsync(2);
            var reminder = afterFirst.Single(m => (m.Subject ?? "").StartsWith("Muistutus: toimenpiteesi", StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(reminder.To.Mailboxes.Single().Address, Is.EqualTo(email));
                Assert.That(reminder.TextBody, Does.Contain("Viikon päästä").And.Not.Contain("Kuukauden päästä"));
                Assert.That(reminder.TextBody, Does.Contain("https://koordinaatio.example.fi/events/action-items"));
            });
            await RunJobAsync(app);
        }

        await using (var restarted = new CoordinationApp(database, settings))
        {
            await RunJobAsync(restarted);
            await restarted.DrainMailAsync();
        }

        await Task.Delay(500);
        Assert.That(smtp.Messages().Count(m => (m.Subject ?? "").StartsWith("Muistutus: toimenpiteesi", StringComparison.Ordinal)), Is.EqualTo(1), "one reminder, not after a restart either");
    }

    private static async Task RunJobAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ActionItemRemindersJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }
}
