using System.Net;
using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Events.Meetings;
using Coordination.Shared.Messaging;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>Agenda, minutes (draft → approved versions) and decisions numbered per network and
/// year, also under concurrent approvals.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MeetingRecordTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinatorApi = null!;
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinatorApi = await App.ApiClientAsync(Roles.Coordinator);
        _coordinator = await App.BrowserClientAsync(Roles.Coordinator);
    }

    [Test]
    public async Task Approved_minutes_are_never_edited_a_correction_is_a_new_version_and_decisions_are_numbered_on_approval()
    {
        var network = await EventsSetup.NetworkAsync(App, _coordinatorApi);
        var id = await EventsSetup.EventAsync(_coordinatorApi, network, audience: "network", type: "networkMeeting");
        var page = $"/events/{id}/record";

        Assert.That((await _coordinator.PostFormAsync(page, $"{page}/agenda", new() { ["agenda"] = "1. Avaus\n2. **Budjetti**" })).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _coordinator.GetStringAsync($"/events/{id}"), Does.Contain("<strong>Budjetti</strong>"), "the agenda shows on the event's page, Markdown sanitised");

        var noDraft = await _coordinator.PostFormAsync(page, $"{page}/approve", []);
        Assert.That(noDraft.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "nothing to approve yet");

        await _coordinator.PostFormAsync(page, $"{page}/minutes", new() { ["minutes"] = "Pöytäkirja, ensimmäinen versio" });
        await _coordinator.PostFormAsync(page, $"{page}/decisions", new() { ["decision"] = "Hyväksyttiin toimintasuunnitelma." });
        await _coordinator.PostFormAsync(page, $"{page}/decisions", new() { ["decision"] = "Seuraava kokous pidetään Oulussa." });
        Assert.That((await _coordinator.PostFormAsync(page, $"{page}/approve", [])).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        // A correction after approval: a new draft (version 2); version 1 stays as approved.
        await _coordinator.PostFormAsync(page, $"{page}/minutes", new() { ["minutes"] = "Pöytäkirja, korjattu versio" });
        var between = await MeetingSetup.InEventsAsync(App, db => db.Minutes.AsNoTracking().Where(m => m.EventId == id).OrderBy(m => m.Version).ToListAsync());
        Assert.That(between.Select(m => (m.Version, m.Text, m.ApprovedAt is not null)), Is.EqualTo(new[] { (1, "Pöytäkirja, ensimmäinen versio", true), (2, "Pöytäkirja, korjattu versio", false) }));
        var member = await App.BrowserClientAsync(Roles.Member);
        var memberView = await member.GetStringAsync(page);
        Assert.That(memberView, Does.Contain("ensimmäinen versio").And.Not.Contain("korjattu versio"), "members see the approved version, not the draft");

        await _coordinator.PostFormAsync(page, $"{page}/decisions", new() { ["decision"] = "Korjauksessa lisätty päätös." });
        Assert.That((await _coordinator.PostFormAsync(page, $"{page}/approve", [])).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var minutes = await MeetingSetup.InEventsAsync(App, db => db.Minutes.AsNoTracking().Where(m => m.EventId == id).OrderBy(m => m.Version).ToListAsync());
        var decisions = await MeetingSetup.InEventsAsync(App, db => db.Decisions.AsNoTracking().Where(d => d.EventId == id).OrderBy(d => d.Number).ToListAsync());
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(10), TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).Year;
        Assert.Multiple(() =>
        {
            Assert.That(minutes.Select(m => (m.Version, m.Text)), Is.EqualTo(new[] { (1, "Pöytäkirja, ensimmäinen versio"), (2, "Pöytäkirja, korjattu versio") }), "version 1 kept as it was approved");
            Assert.That(minutes.All(m => m.ApprovedAt is not null), Is.True);
            Assert.That(decisions.Select(d => (d.Number, d.Year)), Is.EqualTo(new (int?, int?)[] { (1, year), (2, year), (3, year) }), "numbered in order, earlier numbers kept");
        });
        var view = await member.GetStringAsync(page);
        Assert.That(view, Does.Contain("korjattu versio").And.Contain("§ 3/" + year));

        // The organiser's changes are in the audit trail.
        var entities = minutes.Select(m => m.Id.ToString()).Concat(decisions.Select(d => d.Id.ToString())).Append(id.ToString()).ToList();
        var actions = await MeetingSetup.InEventsAsync(App, db => db.AuditEntries.AsNoTracking().Where(a => entities.Contains(a.EntityId)).Select(a => a.Action).ToListAsync());
        Assert.That(actions.Count(a => a == "ApproveMinutes"), Is.EqualTo(2));
        Assert.That(actions.Count(a => a == "AddDecision"), Is.EqualTo(3));
        Assert.That(actions.Count(a => a == "SaveMinutesDraft"), Is.EqualTo(2));
    }

    [Test]
    public async Task Concurrent_approvals_in_one_network_and_year_give_numbers_without_gaps_or_duplicates()
    {
        var network = await EventsSetup.NetworkAsync(App, _coordinatorApi);
        var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 10, 8, 0, 0, TimeSpan.Zero);
        var events = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            events.Add(await EventsSetup.EventAsync(_coordinatorApi, network, audience: "network", type: "networkMeeting", startsAt: start.AddDays(i)));
        }

        await MeetingSetup.InEventsAsync(App, async db =>
        {
            var now = DateTime.UtcNow;
            foreach (var id in events)
            {
                db.Minutes.Add(new Minutes { Id = Guid.CreateVersion7(), EventId = id, Version = 1, Text = "Luonnos", CreatedAt = now, UpdatedAt = now });
                for (var d = 0; d < 3; d++)
                {
                    db.Decisions.Add(new Decision { Id = Guid.CreateVersion7(), EventId = id, NetworkId = network, Text = $"Päätös {d}", CreatedAt = now.AddSeconds(d) });
                }
            }

            return await db.SaveChangesAsync();
        });

        // Each approval in its own scope (own connection and transaction), all started together.
        using var gate = new SemaphoreSlim(0);
        var approvals = events.Select(id => Task.Run(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            await gate.WaitAsync();
            return await MinutesApproval.ApproveAsync(db, id, "koordinaattori", DateTime.UtcNow, CancellationToken.None);
        })).ToList();
        gate.Release(events.Count);
        var outcomes = await Task.WhenAll(approvals);

        var numbers = await MeetingSetup.InEventsAsync(App, db => db.Decisions.AsNoTracking().Where(d => d.NetworkId == network).Select(d => new { d.EventId, d.Number, d.Year }).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.All.EqualTo(MinutesApproval.Outcome.Approved));
            Assert.That(numbers.Select(n => n.Number).Order(), Is.EqualTo(Enumerable.Range(1, 18).Select(n => (int?)n)), "1–18, no gaps, no duplicates");
            Assert.That(numbers.Select(n => n.Year).Distinct(), Is.EqualTo(new int?[] { start.Year }));
            foreach (var group in numbers.GroupBy(n => n.EventId))
            {
                var own = group.Select(n => n.Number!.Value).Order().ToList();
                Assert.That(own.Last() - own.First(), Is.EqualTo(2), "an event's decisions are numbered consecutively");
            }
        });

        // Each approval and decision is published (once) for Monitoring.
        var networkText = network.ToString();
        var published = await MeetingSetup.InEventsAsync(App, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Payload.Contains(networkText)).Select(m => m.Type).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(published.Count(t => t.Contains(nameof(DecisionMade), StringComparison.Ordinal)), Is.EqualTo(18));
            Assert.That(published.Count(t => t.Contains(nameof(MinutesApproved), StringComparison.Ordinal)), Is.EqualTo(6));
        });
    }
}
