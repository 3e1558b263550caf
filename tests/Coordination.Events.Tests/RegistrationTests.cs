using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Events.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class RegistrationTests(Provider provider) : AppFixture(provider)
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
    public async Task A_guest_registers_gets_a_confirmation_with_a_cancel_link_and_a_second_try_is_409()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, capacity: 10);
        var guest = App.CreateClient();
        var email = $"vieras-{Guid.NewGuid():N}@example.fi";
        var response = await EventsSetup.RegisterAsync(guest, id, email);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await EventsSetup.StatusAsync(response), Is.EqualTo("registered"));

        var again = await EventsSetup.RegisterAsync(guest, id, email.ToUpperInvariant());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await again.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("jo ilmoittauduttu"));

        var mail = (await App.MailAsync()).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Does.Contain("Verkostowebinaari"));
            Assert.That(mail.TextBody, Does.Contain("https://meet.example.fi/abc"), "the registered get the online link");
            Assert.That(mail.TextBody, Does.Match("/events/cancel/[A-Za-z0-9_-]+"));
        });
    }

    [Test]
    public async Task Asking_for_the_cancel_link_again_mails_a_new_one_and_the_old_one_stops_working()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, capacity: 10);
        var guest = App.CreateClient();
        var email = $"unohtaja-{Guid.NewGuid():N}@example.fi";
        Assert.That((await EventsSetup.RegisterAsync(guest, id, email)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var first = CancelToken().Match((await App.MailAsync()).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal)).TextBody!).Groups[1].Value;

        var again = await guest.PostAsJsonAsync($"/api/v1/events/{id}/registrations/cancel-link", new { email = email.ToUpperInvariant() });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var mails = (await App.MailAsync()).Where(m => m.To.ToString().Contains(email, StringComparison.Ordinal)).ToList();
        Assert.That(mails, Has.Count.EqualTo(2), "asked again, mailed again");
        Assert.That(mails[1].Subject, Does.StartWith("Uusi peruutuslinkki"));
        var second = CancelToken().Match(mails[1].TextBody!).Groups[1].Value;
        Assert.That(second, Is.Not.EqualTo(first));

        // Someone not registered gets the same answer and no mail; a bad address is a field error.
        var before = (await App.MailAsync()).Count;
        Assert.That((await guest.PostAsJsonAsync($"/api/v1/events/{id}/registrations/cancel-link", new { email = "ei-ilmoittautunut@example.fi" })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var invalid = await guest.PostAsJsonAsync($"/api/v1/events/{id}/registrations/cancel-link", new { email = "ei-osoite" });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "email" }));
        Assert.That((await App.MailAsync()).Count, Is.EqualTo(before));

        // The old link no longer cancels; the new one does.
        Assert.That((await guest.GetAsync($"/events/cancel/{first}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await guest.PostAsJsonAsync("/api/v1/events/registrations/cancel", new { token = second })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        // The same from the event page's link, as a browser.
        var browser = App.CreateBrowserClient();
        Assert.That(await browser.GetStringAsync($"/events/{id}"), Does.Contain($"/events/{id}/cancel-link"));
        var fromPage = await browser.PostFormAsync($"/events/{id}/cancel-link", $"/events/{id}/cancel-link", new() { ["email"] = "ei-ilmoittautunut@example.fi" });
        Assert.That(fromPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await fromPage.Content.ReadAsStringAsync(), Does.Contain("uusi peruutuslinkki on matkalla"));
        var badForm = await browser.PostFormAsync($"/events/{id}/cancel-link", $"/events/{id}/cancel-link", new() { ["email"] = "" });
        Assert.That(badForm.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Invalid_registrations_are_field_errors_and_members_events_need_a_sign_in()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network);
        var response = await App.CreateClient().PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { name = "", email = "ei-osoite" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name", "email" }));

        var members = await EventsSetup.EventAsync(_coordinator, _network, audience: "network");
        Assert.That((await EventsSetup.RegisterAsync(App.CreateClient(), members, "ulkopuolinen@example.fi")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await EventsSetup.RegisterAsync(member, members, $"jasen-{Guid.NewGuid():N}@example.fi")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task A_full_event_waitlists_and_a_cancellation_promotes_the_first_in_line()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, capacity: 2);
        var guest = App.CreateClient();
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var statuses = new List<string>();
        foreach (var n in new[] { "a", "b", "c", "d" })
        {
            statuses.Add(await EventsSetup.StatusAsync(await EventsSetup.RegisterAsync(guest, id, $"{n}-{stamp}@example.fi", name: $"Henkilö {n.ToUpperInvariant()}")));
        }

        Assert.That(statuses, Is.EqualTo(new[] { "registered", "registered", "waitlisted", "waitlisted" }));
        var tokenOfA = CancelToken().Match((await App.MailAsync()).Last(m => m.To.ToString().Contains($"a-{stamp}", StringComparison.Ordinal)).TextBody!).Groups[1].Value;
        Assert.That((await guest.PostAsJsonAsync("/api/v1/events/registrations/cancel", new { token = tokenOfA })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await guest.PostAsJsonAsync("/api/v1/events/registrations/cancel", new { token = "väärä" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var list = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}/registrations");
        var byEmail = list!["items"]!.AsArray().ToDictionary(i => i!["email"]!.GetValue<string>()[..1], i => i!["status"]!.GetValue<string>());
        Assert.That(byEmail, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "cancelled", ["b"] = "registered", ["c"] = "registered", ["d"] = "waitlisted" }));
        Assert.That((await App.MailAsync()).Any(m => m.To.ToString().Contains($"c-{stamp}", StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("Sait paikan", StringComparison.Ordinal)), Is.True, "C is told");

        // The organiser cancels B: D moves up; the seats stay at the capacity.
        var b = list["items"]!.AsArray().Single(i => i!["email"]!.GetValue<string>().StartsWith('b'))!["id"]!.GetValue<Guid>();
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/events/{id}/registrations/{b}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var e = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}");
        Assert.That(e!["registered"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Raising_the_capacity_gives_the_new_seats_to_the_waiting_list_in_order()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, capacity: 1);
        var guest = App.CreateClient();
        var stamp = Guid.NewGuid().ToString("N")[..8];
        foreach (var n in new[] { "a", "b", "c", "d" })
        {
            await EventsSetup.RegisterAsync(guest, id, $"{n}-{stamp}@example.fi", name: $"Henkilö {n.ToUpperInvariant()}");
        }

        var e = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!;
        async Task EditAsync(int? capacity)
        {
            var response = await _coordinator.PutAsJsonAsync($"/api/v1/events/{id}", new
            {
                networkId = _network, type = "webinar", title = new { fi = "Verkostowebinaari", sv = "Nätverkswebbinarium" }, description = new { fi = "Kuvaus." },
                startsAt = e["startsAt"]!.GetValue<string>(), endsAt = e["endsAt"]!.GetValue<string>(), audience = "public", capacity, place = "Helsinki", onlineLink = "https://meet.example.fi/abc",
            });
            Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        }

        await EditAsync(3);
        var list = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}/registrations");
        var byEmail = list!["items"]!.AsArray().ToDictionary(i => i!["email"]!.GetValue<string>()[..1], i => i!["status"]!.GetValue<string>());
        Assert.That(byEmail, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "registered", ["b"] = "registered", ["c"] = "registered", ["d"] = "waitlisted" }), "two seats more: B and C, in the order they registered");
        Assert.That((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}"))!["registered"]!.GetValue<int>(), Is.EqualTo(3));
        var told = (await App.MailAsync()).Where(m => (m.Subject ?? "").StartsWith("Sait paikan", StringComparison.Ordinal)).Select(m => m.To.ToString()).ToList();
        Assert.That(told.Count(t => t.Contains($"-{stamp}", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(told.Any(t => t.Contains($"b-{stamp}", StringComparison.Ordinal)) && told.Any(t => t.Contains($"c-{stamp}", StringComparison.Ordinal)), Is.True, "B and C are told");

        // An edit that frees nothing tells nobody again; removing the limit seats everyone left.
        await EditAsync(3);
        await EditAsync(null);
        var after = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}/registrations");
        Assert.That(after!["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()), Is.All.EqualTo("registered"));
        var promotedMail = (await App.MailAsync()).Where(m => (m.Subject ?? "").StartsWith("Sait paikan", StringComparison.Ordinal) && m.To.ToString().Contains($"-{stamp}", StringComparison.Ordinal)).ToList();
        Assert.That(promotedMail, Has.Count.EqualTo(3), "B, C and then D, each once");
    }

    [Test]
    public async Task Capacity_is_never_exceeded_by_300_concurrent_registrations()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network, capacity: 100);
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var clients = Enumerable.Range(0, 10).Select(_ => App.CreateClient()).ToArray();
        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => EventsSetup.RegisterAsync(clients[i % clients.Length], id, $"rinnakkain-{i}-{stamp}@example.fi")));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var statuses = await Task.WhenAll(responses.Select(EventsSetup.StatusAsync));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        Assert.Multiple(async () =>
        {
            Assert.That(statuses.Count(s => s == "registered"), Is.EqualTo(100));
            Assert.That(statuses.Count(s => s == "waitlisted"), Is.EqualTo(200));
            Assert.That(await db.Registrations.CountAsync(r => r.EventId == id && r.Status == RegistrationStatus.Registered), Is.EqualTo(100));
            Assert.That((await db.Events.SingleAsync(x => x.Id == id)).RegisteredCount, Is.EqualTo(100));
        });
    }

    [Test]
    public async Task A_cancelled_event_takes_no_registrations_and_tells_the_registered()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network);
        var email = $"peruttu-{Guid.NewGuid():N}@example.fi";
        await EventsSetup.RegisterAsync(App.CreateClient(), id, email);
        await _coordinator.PostAsync($"/api/v1/events/{id}/cancel", null);
        Assert.That((await EventsSetup.RegisterAsync(App.CreateClient(), id, $"myohassa-{Guid.NewGuid():N}@example.fi")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await App.MailAsync()).Any(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("Peruttu", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task The_organiser_exports_the_list_with_needs()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network);
        await EventsSetup.RegisterAsync(App.CreateClient(), id, $"tarve-{Guid.NewGuid():N}@example.fi", "Tarve Henkilö", "Opisto");
        var csv = await _coordinator.GetStringAsync($"/api/v1/events/{id}/registrations.csv");
        Assert.That(csv, Does.Contain("Nimi;Sähköposti;Organisaatio;Erityistarpeet").And.Contain("Tarve Henkilö").And.Contain("Gluteeniton"));
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await member.GetAsync($"/api/v1/events/{id}/registrations")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Erasing_a_person_in_Membership_anonymises_their_registrations()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network);
        var email = $"poistuva-{Guid.NewGuid():N}@example.fi";
        var person = await _coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Poistuva Henkilö", email, language = "fi", roles = Array.Empty<object>() });
        var personId = (await person.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await EventsSetup.RegisterAsync(App.CreateClient(), id, email, "Poistuva Henkilö", "Opisto");
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EventsDbContext>().People.AnyAsync(p => p.PersonId == personId);
        }, known => known);

        await _coordinator.DeleteAsync($"/api/v1/membership/people/{personId}");
        var items = await Eventually.WaitForAsync(
            async () => (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}/registrations"))!["items"]!.AsArray(),
            list => list.All(i => !i!["email"]!.GetValue<string>().Contains('@')));
        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Count.EqualTo(1), "the registration still counts");
            Assert.That(items[0]!["email"]!.GetValue<string>(), Does.Not.Contain("@"));
            Assert.That(items[0]!["name"]!.GetValue<string>(), Does.Not.Contain("Poistuva"));
            Assert.That(items[0]!["organisation"], Is.Null);
        });
    }

    [Test]
    public async Task A_guest_is_forgotten_on_request()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network);
        var email = $"unohda-{Guid.NewGuid():N}@example.fi";
        await EventsSetup.RegisterAsync(App.CreateClient(), id, email, "Unohdettava Vieras");
        var response = await _coordinator.PostAsJsonAsync("/api/v1/events/privacy/erase", new { email = email.ToUpperInvariant() });
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["registrations"]!.GetValue<int>(), Is.EqualTo(1));
        var csv = await _coordinator.GetStringAsync($"/api/v1/events/{id}/registrations.csv");
        Assert.That(csv, Does.Not.Contain("Unohdettava").And.Not.Contain(email));
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await member.PostAsJsonAsync("/api/v1/events/privacy/erase", new { email })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [GeneratedRegex("/events/cancel/([A-Za-z0-9_-]+)")]
    private static partial Regex CancelToken();
}
