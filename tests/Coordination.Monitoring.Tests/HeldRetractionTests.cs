using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Events.Contracts;
using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Shared.Messaging;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Monitoring.Tests;

/// <summary>An organiser takes "marked held" back (EventHeldRetracted): the event and its
/// attendance leave the indicators, which return to what they were; marked held again, it counts
/// once, also when a stale retraction or a republish arrives late. Through the outbox and the real handlers.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HeldRetractionTests(Provider provider)
{
    private static readonly string[] Keys = ["eventsHeld", "attendances", "participants", "organisationsReached"];
    private readonly Guid _network = Guid.CreateVersion7();
    private readonly Guid _project = Guid.CreateVersion7();
    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _app = new CoordinationApp(_database);
        _coordinator = await _app.ApiClientAsync(Roles.Coordinator);
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task A_retracted_event_leaves_the_indicators_and_marked_again_counts_once()
    {
        var now = DateTime.UtcNow;
        var day = new DateTime(now.Year, 1, 15, 8, 0, 0, DateTimeKind.Utc).AddYears(-1);
        await PublishAsync(new NetworkCreated(_network, "Peruttava verkosto", null, null, now.AddYears(-2)));
        await PublishAsync(new ProjectUpdated(_project, _network, "Hanke", "HA", DateOnly.FromDateTime(day.AddYears(-1)), DateOnly.FromDateTime(day.AddYears(1)), [], now));
        await PublishAsync(Held(Guid.CreateVersion7(), day, day.AddHours(3), "a@example.fi", "b@example.fi"));
        var before = await IndicatorsAsync(day.Year);
        Assert.That(before["eventsHeld"], Is.EqualTo(1));

        var mistaken = Guid.CreateVersion7();
        var firstHeldAt = day.AddDays(7).AddHours(3);
        await PublishAsync(Held(mistaken, day.AddDays(7), firstHeldAt, "c@example.fi", "d@example.fi", "e@example.fi"));
        var with = await IndicatorsAsync(day.Year);
        Assert.That(with["eventsHeld"], Is.EqualTo(2));

        await PublishAsync(new EventHeldRetracted(mistaken, _network, firstHeldAt, now));
        Assert.That(await IndicatorsAsync(day.Year), Is.EqualTo(before), "back to what they were");
        Assert.That(await InMonitoringAsync(db => db.AttendanceProjects.CountAsync(a => a.EventId == mistaken)), Is.Zero, "no attendance left for the projects");

        var again = Held(mistaken, day.AddDays(7), now, "c@example.fi", "d@example.fi", "e@example.fi");
        await PublishAsync(again);
        await PublishAsync(again); // a republish of the same marking
        await PublishAsync(new EventHeldRetracted(mistaken, _network, firstHeldAt, now)); // the first retraction, delivered late
        await PublishAsync(Held(mistaken, day.AddDays(7), firstHeldAt, "c@example.fi", "d@example.fi", "e@example.fi")); // the first marking, delivered late
        Assert.That(await IndicatorsAsync(day.Year), Is.EqualTo(with), "marked held again: counted once");
    }

    private EventHeld Held(Guid id, DateTime startsAt, DateTime heldAt, params string[] emails)
        => new(id, _network, "workshop", "Työpaja", startsAt, startsAt.AddHours(2),
            [.. emails.Select(e => new Attendee(e, e[..1], "Opisto " + e[..1], null, null, [_project]))], emails.Length, emails.Length, heldAt);

    private async Task<Dictionary<string, int>> IndicatorsAsync(int year)
    {
        var i = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/networks/{_network}/indicators?from={year}-01-01&to={year}-12-31"))!;
        return Keys.ToDictionary(k => k, k => i[k]!.GetValue<int>());
    }

    private async Task<T> InMonitoringAsync<T>(Func<MonitoringDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MonitoringDbContext>());
    }

    private async Task PublishAsync<T>(T integrationEvent)
        where T : class, IIntegrationEvent
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            db.Publish(integrationEvent, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await Api.DrainedAsync(_app);
    }
}
