using System.Net;
using System.Net.Http.Json;
using Coordination.Shared.Security;

namespace Coordination.Events.Tests;

/// <summary>Visitors' event list, event pages and calendar feeds come from the output cache (an
/// answer served from it carries <c>Age</c>) and change at once after an edit or a cancellation;
/// a page with the registration form is never cached.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PublicPageCacheTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await EventsSetup.NetworkAsync(App, _coordinator);
    }


    private Task<HttpResponseMessage> SaveAsync(Guid? id, string title, DateTimeOffset startsAt)
    {
        var body = new
        {
            networkId = _network, type = "webinar", title = new { fi = title }, description = new { fi = "Kuvaus." },
            startsAt = EventsSetup.Time(startsAt), endsAt = EventsSetup.Time(startsAt.AddHours(2)), audience = "public", place = "Helsinki",
            // Registration opens later: the page has no form yet, so it may be cached.
            registrationOpensAt = EventsSetup.Time(startsAt.AddDays(-5)),
        };
        return id is null ? _coordinator.PostAsJsonAsync("/api/v1/events", body) : _coordinator.PutAsJsonAsync($"/api/v1/events/{id}", body);
    }

    [Test]
    public async Task The_event_list_page_and_feeds_change_at_once_after_a_new_event_an_edit_and_a_cancellation()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var startsAt = DateTimeOffset.UtcNow.AddDays(30);
        var guest = App.CreateClient();
        Assert.That(await VisitorPages.CachedAsync(guest, "/events"), Does.Not.Contain(stamp));
        Assert.That(await VisitorPages.CachedAsync(guest, "/events/calendar.ics"), Does.Not.Contain(stamp));

        var created = await SaveAsync(null, $"Välimuistiwebinaari {stamp}", startsAt);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.Multiple(async () =>
        {
            Assert.That(await guest.GetStringAsync("/events"), Does.Contain($"Välimuistiwebinaari {stamp}"), "a new event");
            Assert.That(await guest.GetStringAsync("/events/calendar.ics"), Does.Contain($"Välimuistiwebinaari {stamp}"));
        });

        Assert.That(await VisitorPages.CachedAsync(guest, $"/events/{id}"), Does.Contain($"Välimuistiwebinaari {stamp}").And.Not.Contain("__RequestVerificationToken"));
        await VisitorPages.CachedAsync(guest, "/events");
        await VisitorPages.CachedAsync(guest, $"/events/{id}.ics");
        Assert.That((await SaveAsync(id, $"Muutettu webinaari {stamp}", startsAt)).IsSuccessStatusCode, Is.True);
        Assert.Multiple(async () =>
        {
            Assert.That(await guest.GetStringAsync($"/events/{id}"), Does.Contain($"Muutettu webinaari {stamp}"), "after the edit");
            Assert.That(await guest.GetStringAsync("/events"), Does.Contain($"Muutettu webinaari {stamp}"));
            Assert.That(await guest.GetStringAsync($"/events/{id}.ics"), Does.Contain($"Muutettu webinaari {stamp}"));
        });

        await VisitorPages.CachedAsync(guest, $"/events/{id}");
        await VisitorPages.CachedAsync(guest, $"/events/{id}.ics");
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{id}/cancel", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.Multiple(async () =>
        {
            Assert.That(await guest.GetStringAsync($"/events/{id}"), Does.Contain("Tapahtuma on peruttu."), "after the cancellation");
            Assert.That(await guest.GetStringAsync($"/events/{id}.ics"), Does.Contain("STATUS:CANCELLED"));
        });
    }

    [Test]
    public async Task A_query_key_the_page_does_not_read_is_answered_fresh_and_not_stored()
    {
        var guest = App.CreateClient();
        await VisitorPages.CachedAsync(guest, "/events?type=webinar&past=true&page=1");
        var key = Guid.NewGuid().ToString("N")[..6];
        foreach (var path in new[] { $"/events?n={key}", $"/events?type=webinar&n={key}", $"/events?n={key}&culture=sv" })
        {
            var first = await guest.GetAsync(path);
            var second = await guest.GetAsync(path);
            Assert.Multiple(async () =>
            {
                Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(first.Headers.Age, Is.Null, $"{path}: not looked up");
                Assert.That(second.Headers.Age, Is.Null, $"{path}: not stored");
                Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("event-list").Or.Contain("class=\"empty\""), path);
            });
        }
    }

    [Test]
    public async Task An_event_page_with_the_registration_form_is_never_cached()
    {
        var id = await EventsSetup.EventAsync(_coordinator, _network);
        var guest = App.CreateBrowserClient();
        var first = await guest.GetAsync($"/events/{id}");
        var second = await guest.GetAsync($"/events/{id}");
        var other = await App.CreateBrowserClient().GetAsync($"/events/{id}");
        Assert.Multiple(async () =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Headers.Age, Is.Null, "its antiforgery token belongs to this visitor's cookie");
            Assert.That(other.Headers.Age, Is.Null);
            Assert.That(FormPosting.AntiforgeryToken(await other.Content.ReadAsStringAsync()), Is.Not.EqualTo(FormPosting.AntiforgeryToken(await first.Content.ReadAsStringAsync())));
        });
    }
}
