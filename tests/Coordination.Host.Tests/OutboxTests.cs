using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Monitoring.Data;
using Coordination.Shared.Data;
using Coordination.Shared.Messaging;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>The outbox and inbox across a restart, a redelivery and a poison message, on the
/// real modules (Membership publishes NetworkCreated, Monitoring consumes it).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OutboxTests(Provider provider)
{
    private static readonly Dictionary<string, string?> DeliveryOff = new() { ["Coordination:Outbox:Enabled"] = "false" };

    [Test]
    public async Task An_event_committed_before_a_crash_is_delivered_after_restart()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var first = new CoordinationApp(database, DeliveryOff))
        {
            var api = await first.ApiClientAsync(Roles.Coordinator);
            var created = await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Kaatuva verkosto" } });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            Assert.That(await NetworkFactsAsync(first), Is.Zero, "nothing is delivered while delivery is off");
        }

        // The first process is gone with the event only in Membership's outbox.
        await using var second = new CoordinationApp(database);
        _ = second.Server;
        var facts = await Eventually.WaitForAsync(() => NetworkFactsAsync(second), n => n == 1);
        Assert.That(facts, Is.EqualTo(1));
        await using var scope = second.Services.CreateAsyncScope();
        var monitoring = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        Assert.That(await monitoring.Networks.SingleAsync(), Has.Property(nameof(NetworkFact.NetworkId)).EqualTo(id));
    }

    [Test]
    public async Task A_redelivered_event_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var api = await app.ApiClientAsync(Roles.Coordinator);
        await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Kahdesti toimitettu" } });
        await Eventually.WaitForAsync(() => NetworkFactsAsync(app), n => n == 1);
        var membership = await OutboxAsync(app);
        await WaitProcessedAsync(app);

        // Put the delivered row back in line, as after a crash before the outbox was marked.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null));
        }

        await WaitProcessedAsync(app);
        var redelivered = (await OutboxAsync(app)).Single();
        Assert.Multiple(async () =>
        {
            Assert.That(redelivered.ProcessedAt, Is.Not.Null, "the redelivery completed");
            Assert.That(redelivered.Attempts, Is.EqualTo(2), "claimed twice, and the row says so");
            Assert.That(redelivered.LastError, Is.Null, "the redelivery did not fail (the inbox skipped it)");
            Assert.That(membership, Has.Count.EqualTo(1));
            Assert.That(await NetworkFactsAsync(app), Is.EqualTo(1));
            Assert.That(await InboxCountAsync(app), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_poison_event_is_parked_listed_for_coordinators_and_can_be_retried()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?>
        {
            ["Coordination:Outbox:MaxAttempts"] = "3",
            ["Coordination:Outbox:RetryBaseDelay"] = "00:00:00.050",
        });
        _ = app.Server;
        var poisonId = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var now = DateTime.UtcNow;
            db.OutboxMessages.Add(new OutboxMessage { Id = poisonId, Type = typeof(Coordination.Membership.Contracts.NetworkCreated).FullName!, Payload = "{ not json", OccurredAt = now, NextAttemptAt = now });
            await db.SaveChangesAsync();
        }

        var parked = await Eventually.WaitForAsync(() => RowAsync(app, poisonId), m => m.ParkedAt is not null);
        Assert.Multiple(() =>
        {
            Assert.That(parked.ParkedAt, Is.Not.Null);
            Assert.That(parked.Attempts, Is.EqualTo(3));
            Assert.That(parked.LastError, Does.Contain("Monitoring/MembershipHandlers"));
        });

        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var list = await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/admin/deliveries");
        Assert.That(list!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(poisonId));

        var page = await (await app.BrowserClientAsync(Roles.Coordinator)).GetStringAsync("/admin/deliveries");
        Assert.That(page, Does.Contain($"/admin/deliveries/Membership/{poisonId}/retry"));

        var retry = await coordinator.PostAsync($"/api/v1/admin/deliveries/Membership/{poisonId}/retry", null);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var again = await Eventually.WaitForAsync(() => RowAsync(app, poisonId), m => m.ParkedAt is not null);
        Assert.That(again.Attempts, Is.EqualTo(3), "retried, failed three more times, parked again");

        var browser = await app.BrowserClientAsync(Roles.Coordinator);
        var fromPage = await browser.PostFormAsync("/admin/deliveries", $"/admin/deliveries/Membership/{poisonId}/retry", []);
        Assert.That(fromPage.Headers.Location!.OriginalString, Is.EqualTo("/admin/deliveries?retried=true"));
        Assert.That(await browser.GetStringAsync("/admin/deliveries?retried=true"), Does.Contain("Viesti on jonossa uudelleen toimitettavaksi."));

        var unknown = await coordinator.PostAsync($"/api/v1/admin/deliveries/Membership/{Guid.NewGuid()}/retry", null);
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Two_instances_never_claim_the_same_row()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new CoordinationApp(database, DeliveryOff);
        _ = first.Server;
        // On PostgreSQL a second instance on the same database; SQLite allows one process per
        // data folder, where the claimers of one instance compete.
        await using var second = provider == Provider.Postgres ? new CoordinationApp(database, DeliveryOff) : null;
        _ = second?.Server;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var now = DateTime.UtcNow.AddSeconds(-1);
            for (var i = 0; i < 300; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), Type = "Test.Nobody", Payload = "{}", OccurredAt = now.AddTicks(i), NextAttemptAt = now });
            }

            await db.SaveChangesAsync();
        }

        async Task<List<Guid>> ClaimAllAsync(CoordinationApp app)
        {
            var processor = app.Services.GetRequiredService<OutboxProcessor>();
            var membership = app.Services.GetRequiredService<ModuleCatalog>().Databases.Single(d => d.Module == "Membership");
            var mine = new List<Guid>();
            for (var i = 0; i < 20; i++)
            {
                mine.AddRange((await processor.ClaimAsync(membership, CancellationToken.None)).Select(m => m.Id));
            }

            return mine;
        }

        var apps = new[] { first, second ?? first, first, second ?? first };
        var results = await Task.WhenAll(apps.Select(app => Task.Run(() => ClaimAllAsync(app))));
        var all = results.SelectMany(r => r).ToList();
        var rows = await OutboxAsync(first);
        Assert.Multiple(() =>
        {
            Assert.That(all, Is.Unique, "a row was claimed twice");
            Assert.That(all, Has.Count.EqualTo(300), "every row was claimed by someone");
            Assert.That(rows.Select(r => r.Attempts), Is.All.EqualTo(1), "each row counts its one claim");
        });
    }

    private static async Task<int> NetworkFactsAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().Networks.CountAsync();
    }

    private static async Task<int> InboxCountAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().InboxMessages.CountAsync();
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }

    private static Task WaitProcessedAsync(CoordinationApp app)
        => Eventually.WaitForAsync(() => OutboxAsync(app), rows => rows.All(r => r.ProcessedAt is not null && r.ClaimedUntil is null));

    private static async Task<OutboxMessage> RowAsync(CoordinationApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
