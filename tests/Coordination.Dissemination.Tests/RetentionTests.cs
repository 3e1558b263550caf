using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination.Tests;

/// <summary>The daily retention job on a clock the test moves: subscriptions never confirmed go
/// after N days (Coordination:Retention:UnconfirmedSubscriptionsDays, 30 by default), the
/// per-recipient delivery log of an issue after N months
/// (Coordination:Retention:NewsletterDeliveryLogMonths); the issue stays in the archive; each
/// run is audited with its counts; the privacy notice states both periods.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RetentionTests(Provider provider)
{
    [Test]
    public async Task Unconfirmed_subscriptions_and_old_delivery_logs_are_deleted_and_each_run_is_audited()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Retention:NewsletterDeliveryLogMonths"] = "13" }, clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var issue = new NewsletterIssue { Id = Guid.CreateVersion7(), Subject = new LocalizedText { Fi = "Kirje" }, Status = IssueStatus.Sent, StartedAt = now, FinishedAt = now, CreatedAt = now, UpdatedAt = now };
        await InDisseminationAsync(app, async db =>
        {
            db.Subscribers.Add(new Subscriber { Id = Guid.CreateVersion7(), Email = "odottaa@example.fi", Status = SubscriberStatus.Pending, CreatedAt = now });
            db.Subscribers.Add(new Subscriber { Id = Guid.CreateVersion7(), Email = "tilaaja@example.fi", Status = SubscriberStatus.Confirmed, CreatedAt = now, ConfirmedAt = now });
            db.Issues.Add(issue);
            db.Deliveries.Add(new NewsletterDelivery { Id = Guid.CreateVersion7(), IssueId = issue.Id, Email = "tilaaja@example.fi", Status = DeliveryStatus.Sent, SentAt = now });
            db.Deliveries.Add(new NewsletterDelivery { Id = Guid.CreateVersion7(), IssueId = issue.Id, Email = "rikki@example.fi", Status = DeliveryStatus.Failed, Error = "550" });
            return await db.SaveChangesAsync();
        });
        var privacy = await app.CreateClient().GetStringAsync("/privacy");
        Assert.That(privacy, Does.Contain("13 kuukauden kuluttua lähetyksestä").And.Contain("30 päivän kuluttua"), "the notice states both periods");

        clock.Advance(TimeSpan.FromDays(29));
        await RunAsync(app);
        Assert.That(await InDisseminationAsync(app, db => db.Subscribers.CountAsync()), Is.EqualTo(2), "not before 30 days");

        clock.Advance(TimeSpan.FromDays(2));
        await RunAsync(app);
        Assert.That(await InDisseminationAsync(app, db => db.Subscribers.Select(s => s.Email).ToListAsync()), Is.EqualTo(new[] { "tilaaja@example.fi" }), "the unconfirmed subscription is gone");
        Assert.That(await InDisseminationAsync(app, db => db.Deliveries.CountAsync()), Is.EqualTo(2), "the delivery log stays 13 months");

        clock.Advance(TimeSpan.FromDays(366));
        await RunAsync(app);
        Assert.That(await InDisseminationAsync(app, db => db.Deliveries.CountAsync()), Is.Zero, "the delivery log is gone");
        Assert.That(await InDisseminationAsync(app, db => db.Issues.CountAsync(i => i.Id == issue.Id)), Is.EqualTo(1), "the issue stays in the archive");

        var audit = await InDisseminationAsync(app, db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "Retention").OrderBy(a => a.At).ThenBy(a => a.EntityType).ToListAsync());
        Assert.That(audit.Select(a => (a.EntityType, a.Summary!.Split(' ')[0])), Is.EqualTo(new[]
        {
            ("NewsletterDelivery", "0"), ("Subscriber", "0"),
            ("NewsletterDelivery", "0"), ("Subscriber", "1"),
            ("NewsletterDelivery", "2"), ("Subscriber", "0"),
        }), "every run is audited with its counts");
    }

    private static async Task RunAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("dissemination:retention", CancellationToken.None);
    }

    private static async Task<T> InDisseminationAsync<T>(CoordinationApp app, Func<DisseminationDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisseminationDbContext>());
    }
}
