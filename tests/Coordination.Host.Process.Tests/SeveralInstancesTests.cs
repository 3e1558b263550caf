using System.Net;
using System.Net.Http.Json;
using Coordination.Membership.Data;
using Coordination.Monitoring.Data;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>Two Host instances on one PostgreSQL database, both delivering events: every event
/// is applied once, and a sign-in token of one instance is good on the other.</summary>
[TestFixture]
[Category("Postgres")]
public sealed class SeveralInstancesTests
{
    [Test]
    public async Task Two_instances_share_the_work_and_apply_each_event_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var first = new CoordinationApp(database);
        await using var second = new CoordinationApp(database);
        _ = first.Server;
        _ = second.Server;

        var fromFirst = await first.ApiClientAsync(Roles.Coordinator);
        var fromSecond = second.CreateClient();
        fromSecond.DefaultRequestHeaders.Authorization = fromFirst.DefaultRequestHeaders.Authorization;
        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? fromFirst : fromSecond).PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Verkosto {i}" } })));
        Assert.That(created.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created), "the token of one instance is good on the other (shared key ring)");

        var facts = await Eventually.WaitForAsync(
            async () =>
            {
                await using var scope = first.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().Networks.CountAsync();
            },
            n => n == 40);
        await using var check = second.Services.CreateAsyncScope();
        var monitoring = check.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var membership = check.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var outbox = await Eventually.WaitForAsync(() => membership.OutboxMessages.AsNoTracking().ToListAsync(), rows => rows.All(r => r.ProcessedAt != null));
        Assert.Multiple(async () =>
        {
            Assert.That(facts, Is.EqualTo(40));
            Assert.That(await monitoring.InboxMessages.CountAsync(), Is.EqualTo(40), "one inbox row per event: none applied twice");
            Assert.That(outbox, Has.Count.EqualTo(40));
            Assert.That(outbox.Select(m => m.Attempts), Is.All.EqualTo(1), "each event claimed once by one of the instances");
            Assert.That(outbox.Select(m => m.LastError), Is.All.Null, "no delivery failed on a duplicate");
        });
    }
}
