using System.Runtime.CompilerServices;
using Coordination.Dissemination.Contracts;
using Coordination.Dissemination.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Integration;

/// <summary>Dissemination's current state for a module that subscribed late: models as first
/// published (from their version history) and as they stand today, sent newsletter issues,
/// confirmed and ended subscriptions, published posts.</summary>
internal sealed class DisseminationRepublisher(DisseminationDbContext db) : IStateRepublisher
{
    public async IAsyncEnumerable<RepublishedEvent> StateAsync(IReadOnlySet<Type> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (wanted.Contains(typeof(ModelPublished)) || wanted.Contains(typeof(ModelUpdated)))
        {
            var firstPublished = (await db.ModelVersions.AsNoTracking().Where(v => v.Action == "publish")
                    .GroupBy(v => v.ModelId).Select(g => new { ModelId = g.Key, At = g.Min(v => v.SavedAt), Version = g.Min(v => v.Version) }).ToListAsync(cancellationToken))
                .ToDictionary(x => x.ModelId);
            var models = await db.Models.AsNoTracking().Where(m => m.PublishedAt != null).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
            foreach (var m in models)
            {
                var first = firstPublished.TryGetValue(m.Id, out var f) ? (f.At, f.Version) : (At: m.PublishedAt!.Value, m.Version);
                yield return new(Published(m, first.At, first.Version), first.At);
                if (m.Status == ModelStatus.Published && m.PublishedAt > first.At)
                {
                    yield return new(Published(m, m.PublishedAt.Value, m.Version), m.PublishedAt.Value);
                }
                else if (m.Status != ModelStatus.Published)
                {
                    yield return new(new ModelUpdated(m.Id, m.NetworkId, m.ProjectId, m.Title.Fi, "draft", m.Themes, m.Version, m.UpdatedAt), m.UpdatedAt);
                }
            }
        }

        if (wanted.Contains(typeof(NewsletterIssueSent)))
        {
            foreach (var issue in await db.Issues.AsNoTracking().Where(i => i.Status == IssueStatus.Sent && i.FinishedAt != null).OrderBy(i => i.FinishedAt).ToListAsync(cancellationToken))
            {
                yield return new(await DisseminationMessages.IssueSentAsync(db, issue, issue.FinishedAt!.Value, cancellationToken), issue.FinishedAt!.Value);
            }
        }

        if (wanted.Contains(typeof(NewsletterSubscriptionConfirmed)) || wanted.Contains(typeof(NewsletterSubscriptionEnded)))
        {
            foreach (var s in await db.Subscribers.AsNoTracking().Where(s => s.ConfirmedAt != null).OrderBy(s => s.ConfirmedAt).ToListAsync(cancellationToken))
            {
                yield return new(new NewsletterSubscriptionConfirmed(s.Id, s.Language, s.ConfirmedAt!.Value), s.ConfirmedAt.Value);
                if (s.Status == SubscriberStatus.Unsubscribed && s.UnsubscribedAt is { } ended)
                {
                    yield return new(new NewsletterSubscriptionEnded(s.Id, ended), ended);
                }
            }
        }

        if (wanted.Contains(typeof(PostPublished)))
        {
            foreach (var post in await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published && p.PublishedAt != null).OrderBy(p => p.PublishedAt).ToListAsync(cancellationToken))
            {
                yield return new(DisseminationMessages.PostPublished(post), post.PublishedAt!.Value);
            }
        }
    }

    private static ModelPublished Published(Model m, DateTime at, int version)
        => new(m.Id, m.NetworkId, m.ProjectId, m.Title.Fi, m.Title.Sv, m.Title.En, m.Summary.Fi, m.Themes, version, at);
}
