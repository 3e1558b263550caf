using Coordination.Dissemination.Contracts;
using Coordination.Dissemination.Data;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Integration;

/// <summary>What Dissemination's newsletter and blog events carry, for the slices that publish
/// them and for the republisher.</summary>
internal static class DisseminationMessages
{
    public static async Task<NewsletterIssueSent> IssueSentAsync(DisseminationDbContext db, NewsletterIssue issue, DateTime sentAt, CancellationToken ct)
    {
        var counts = await db.Deliveries.AsNoTracking().Where(d => d.IssueId == issue.Id)
            .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new NewsletterIssueSent(
            issue.Id, issue.Subject.Fi, issue.Subject.Sv,
            counts.Where(c => c.Status == DeliveryStatus.Sent).Sum(c => c.Count),
            counts.Where(c => c.Status == DeliveryStatus.Failed).Sum(c => c.Count),
            sentAt);
    }

    public static PostPublished PostPublished(Post post)
        => new(post.Id, EnumText.Of(post.Kind), post.ProjectId, post.Title.Fi, post.Title.Sv, post.PublishedAt!.Value);
}
