using System.Globalization;
using Coordination.Dissemination.Data;
using Coordination.Shared.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Coordination.Dissemination.Features.Retention;

/// <summary>How long the newsletter keeps what: an issue's per-recipient delivery log
/// <see cref="DeliveryLogMonths"/> months after the issue was sent (the issue stays in the
/// archive); a subscription never confirmed <see cref="UnconfirmedDays"/> days.</summary>
internal static class NewsletterRetention
{
    public const string DeliveryLogMonthsKey = "Coordination:Retention:NewsletterDeliveryLogMonths";

    public const string UnconfirmedDaysKey = "Coordination:Retention:UnconfirmedSubscriptionsDays";

    public static int DeliveryLogMonths(IConfiguration configuration) => Math.Max(1, configuration.GetValue(DeliveryLogMonthsKey, 12));

    public static int UnconfirmedDays(IConfiguration configuration) => Math.Max(1, configuration.GetValue(UnconfirmedDaysKey, 30));
}

/// <summary>The daily retention run of the newsletter; every run is audited with its counts.</summary>
internal sealed class RetentionJob(DisseminationDbContext db, IConfiguration configuration, TimeProvider clock) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var months = NewsletterRetention.DeliveryLogMonths(configuration);
        var sentBefore = now.AddMonths(-months);
        var sent = db.Issues.Where(i => i.FinishedAt != null && i.FinishedAt < sentBefore).Select(i => i.Id);
        var deliveries = await db.Deliveries.Where(d => sent.Contains(d.IssueId)).ExecuteDeleteAsync(cancellationToken);
        var days = NewsletterRetention.UnconfirmedDays(configuration);
        var createdBefore = now.AddDays(-days);
        var subscribers = await db.Subscribers.Where(s => s.Status == SubscriberStatus.Pending && s.CreatedAt < createdBefore).ExecuteDeleteAsync(cancellationToken);
        db.Audit(null, "Retention", nameof(NewsletterDelivery), "-", string.Create(CultureInfo.InvariantCulture, $"{deliveries} deleted (issues sent before {sentBefore:yyyy-MM-dd}, {months} months)"), now);
        db.Audit(null, "Retention", nameof(Subscriber), "-", string.Create(CultureInfo.InvariantCulture, $"{subscribers} unconfirmed deleted (subscribed before {createdBefore:yyyy-MM-dd}, {days} days)"), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
