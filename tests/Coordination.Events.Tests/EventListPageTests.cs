using System.Net.Http.Json;
using Coordination.Shared.Security;

namespace Coordination.Events.Tests;

/// <summary>The public event list renders its rows without a component per title and time
/// (issue 20): a title missing in the reader's language still falls back to Finnish, marked and
/// with lang="fi", and the start is a machine-readable time in Helsinki time.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class EventListPageTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_row_shows_a_Finnish_only_title_marked_in_Swedish_and_its_start_as_a_time()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(App, coordinator);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        // 2 pm Helsinki time (UTC+2 in January); the fixture's own database lists only this event.
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Year + 1, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var created = await coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = network, type = "webinar", title = new { fi = $"Vain suomeksi {stamp}" }, audience = "public",
            startsAt = EventsSetup.Time(startsAt), endsAt = EventsSetup.Time(startsAt.AddHours(1)),
        });
        Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());

        var guest = App.CreateClient();
        var swedish = await guest.GetStringAsync("/events?culture=sv&ui-culture=sv");
        var finnish = await guest.GetStringAsync("/events?culture=fi&ui-culture=fi");
        Assert.Multiple(() =>
        {
            Assert.That(swedish, Does.Contain($"<span lang=\"fi\">Vain suomeksi {stamp}</span> <span class=\"fallback\">(endast på finska)</span>"));
            Assert.That(finnish, Does.Contain($">Vain suomeksi {stamp}</a>"), "no fallback note in Finnish");
            Assert.That(finnish, Does.Contain($"<time datetime=\"{startsAt.Year}-01-15T14:00"), "Helsinki time");
        });
    }
}
