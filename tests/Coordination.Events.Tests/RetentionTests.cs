using System.Net;
using System.Net.Http.Json;
using Coordination.Events.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>The daily retention job on a clock the test moves: guests' registrations are
/// anonymised N months after their event (Coordination:Retention:GuestRegistrationsMonths), the
/// directory's people are not (Membership erases them), each run leaves an audit entry with its
/// count, and the privacy notice states N.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RetentionTests(Provider provider)
{
    [Test]
    public async Task Guests_registrations_are_anonymised_N_months_after_the_event_and_each_run_is_audited()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(EventsSetup.NoPublicRateLimit) { ["Coordination:Retention:GuestRegistrationsMonths"] = "7" };
        await using var app = new CoordinationApp(database, settings, clock);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(app, coordinator);
        var past = await EventsSetup.EventAsync(coordinator, network, startsAt: clock.GetUtcNow().AddDays(2));
        var later = await EventsSetup.EventAsync(coordinator, network, startsAt: clock.GetUtcNow().AddDays(400));
        var member = $"jasen-{Guid.NewGuid():N}@example.fi";
        var personId = (await (await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Verkoston Jäsen", email = member, language = "fi", roles = Array.Empty<object>() }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.That(await Eventually.WaitForAsync(() => InEventsAsync(app, db => db.People.AnyAsync(p => p.PersonId == personId)), k => k), Is.True);
        var guest = app.CreateClient();
        foreach (var (eventId, email) in new[] { (past, "vieras@example.fi"), (past, member), (later, "vieras@example.fi") })
        {
            Assert.That((await EventsSetup.RegisterAsync(guest, eventId, email, "Vieras Henkilö", "Opisto")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        Assert.That((await app.CreateClient().GetStringAsync("/privacy")), Does.Contain("7 kuukauden kuluttua tapahtumasta"), "the notice states the period");

        clock.Advance(TimeSpan.FromDays(200)); // the first event ended six and a half months ago
        await RunAsync(app);
        Assert.That(await InEventsAsync(app, db => db.Registrations.CountAsync(r => r.Email.StartsWith("erased-"))), Is.Zero, "not before seven months");

        clock.Advance(TimeSpan.FromDays(20));
        await RunAsync(app);
        var registrations = await InEventsAsync(app, db => db.Registrations.AsNoTracking().ToListAsync());
        var anonymised = registrations.Single(r => r.EventId == past && r.Email.StartsWith("erased-", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That((anonymised.Name, anonymised.Organisation, anonymised.Needs), Is.EqualTo(("–", (string?)null, (string?)null)), "name, organisation and needs go");
            Assert.That(anonymised.Status, Is.EqualTo(RegistrationStatus.Registered), "the count stays");
            Assert.That(registrations.Single(r => r.EventId == past && r.Email == member).Name, Is.EqualTo("Vieras Henkilö"), "directory people are erased through Membership, not by this job");
            Assert.That(registrations.Single(r => r.EventId == later).Email, Is.EqualTo("vieras@example.fi"), "the later event's registration stays");
        });

        var audit = await InEventsAsync(app, db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "Retention").OrderBy(a => a.At).ToListAsync());
        Assert.That(audit.Select(a => (a.EntityType, a.Summary!.Split(' ')[0])), Is.EqualTo(new[] { ("Registration", "0"), ("Registration", "1") }), "every run is audited with its count");
    }

    private static async Task RunAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("events:retention", CancellationToken.None);
    }

    private static async Task<T> InEventsAsync<T>(CoordinationApp app, Func<EventsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EventsDbContext>());
    }
}
