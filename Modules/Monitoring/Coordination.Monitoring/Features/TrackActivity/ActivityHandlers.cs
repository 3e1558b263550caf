using Coordination.Dissemination.Contracts;
using Coordination.Events.Contracts;
using Coordination.Monitoring.Data;
using Coordination.PeerReview.Contracts;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Features.TrackActivity;

/// <summary>Keeps the dated facts the indicators count: events held with each attendance,
/// closed surveys, models and their reviews, newsletter issues and subscriptions, posts. A fact
/// that happens once (an event held, a survey closed) is kept as first heard, so a republish of
/// today's state does not rewrite history (an event's "held" may be taken back and marked again,
/// see EventHeldRetracted); facts with a state keep the newest.</summary>
internal sealed class ActivityHandlers(MonitoringDbContext db) :
    IIntegrationEventHandler<EventHeld>,
    IIntegrationEventHandler<EventHeldRetracted>,
    IIntegrationEventHandler<SurveyClosed>,
    IIntegrationEventHandler<ModelPublished>,
    IIntegrationEventHandler<ModelUpdated>,
    IIntegrationEventHandler<ModelPeerReviewed>,
    IIntegrationEventHandler<ModelExpertReviewed>,
    IIntegrationEventHandler<NewsletterIssueSent>,
    IIntegrationEventHandler<NewsletterSubscriptionConfirmed>,
    IIntegrationEventHandler<NewsletterSubscriptionEnded>,
    IIntegrationEventHandler<PostPublished>
{
    public async Task HandleAsync(EventHeld e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        // A republish carries the same HeldAt (kept as first heard); a later one is the event
        // marked held again after an undo, whose retraction may not have arrived yet: it replaces.
        // PostgreSQL keeps microseconds, so times are compared to the millisecond.
        var known = await db.HeldEvents.SingleOrDefaultAsync(h => h.EventId == e.EventId, cancellationToken);
        if (known is not null && known.HeldAt >= e.HeldAt.AddMilliseconds(-1))
        {
            return;
        }

        if (known is not null)
        {
            db.Entry(known).State = EntityState.Detached;
            await ForgetHeldAsync(e.EventId, cancellationToken);
        }

        // Hand-written: the month is computed and attendees are counted by a normalised key.
        var month = Attendees.Month(e.StartsAt);
        db.HeldEvents.Add(new HeldEventFact
        {
            EventId = e.EventId, NetworkId = e.NetworkId, Type = e.Type, TitleFi = e.TitleFi, StartsAt = e.StartsAt, EndsAt = e.EndsAt, Month = month, HeldAt = e.HeldAt, Participants = e.ParticipantCount,
        });
        foreach (var attendee in e.Attendees.DistinctBy(a => a.Email.Trim().ToLowerInvariant()))
        {
            var key = Attendees.Key(attendee.Email);
            db.Attendances.Add(new AttendanceFact
            {
                Id = Guid.CreateVersion7(), EventId = e.EventId, AttendeeKey = key, NetworkId = e.NetworkId, StartsAt = e.StartsAt, Month = month, PersonId = attendee.PersonId,
                OrganisationKey = Attendees.OrganisationKey(attendee.OrganisationId, attendee.Organisation),
            });
            foreach (var project in (attendee.ProjectIds ?? []).Distinct())
            {
                db.AttendanceProjects.Add(new AttendanceProjectFact { Id = Guid.CreateVersion7(), EventId = e.EventId, AttendeeKey = key, ProjectId = project, NetworkId = e.NetworkId, StartsAt = e.StartsAt, PersonId = attendee.PersonId });
            }
        }
    }

    /// <summary>The organiser took "held" back: the event and its attendance leave the
    /// indicators, unless a later marking (newer HeldAt) has already replaced them.</summary>
    public async Task HandleAsync(EventHeldRetracted e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var heldAt = e.HeldAt.AddMilliseconds(1);
        if (await db.HeldEvents.AnyAsync(h => h.EventId == e.EventId && h.HeldAt <= heldAt, cancellationToken))
        {
            await ForgetHeldAsync(e.EventId, cancellationToken);
        }
    }

    public async Task HandleAsync(SurveyClosed e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (!await db.Surveys.AnyAsync(s => s.SurveyId == e.SurveyId, cancellationToken))
        {
            db.Surveys.Add(e.Adapt<SurveyFact>(MonitoringMappings.Config));
        }

        // Network health reads the statements of the network's feedback and health surveys.
        if (e.Template is "networkFeedback" or "networkHealth" && !await db.SurveyStatements.AnyAsync(s => s.SurveyId == e.SurveyId, cancellationToken))
        {
            foreach (var question in e.Questions.Where(q => q.Type == "likert").DistinctBy(q => q.Key))
            {
                db.SurveyStatements.Add(new SurveyStatementFact
                {
                    SurveyId = e.SurveyId, Key = question.Key.Length > 100 ? question.Key[..100] : question.Key, TextFi = Cut(question.TextFi), TextSv = question.TextSv is null ? null : Cut(question.TextSv),
                    N = question.N, Mean = question.Mean,
                });
            }
        }
    }

    public async Task HandleAsync(ModelPublished e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(e.ModelId, e.NetworkId, cancellationToken);
        if (model.FirstPublishedAt is null || e.PublishedAt < model.FirstPublishedAt)
        {
            model.FirstPublishedAt = e.PublishedAt;
        }

        if (e.PublishedAt >= model.ChangedAt)
        {
            model.NetworkId = e.NetworkId;
            model.ProjectId = e.ProjectId;
            model.TitleFi = e.TitleFi;
            model.TitleSv = e.TitleSv;
            model.Published = true;
            model.ChangedAt = e.PublishedAt;
        }
    }

    public async Task HandleAsync(ModelUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(e.ModelId, e.NetworkId, cancellationToken);
        if (e.UpdatedAt >= model.ChangedAt)
        {
            model.NetworkId = e.NetworkId;
            model.ProjectId = e.ProjectId;
            model.TitleFi = e.TitleFi;
            model.Published = e.Status == "published";
            model.ChangedAt = e.UpdatedAt;
        }
    }

    public Task HandleAsync(ModelPeerReviewed e, IntegrationEventContext context, CancellationToken cancellationToken)
        => KeepReviewAsync(e.ModelId, e.RoundId, "peer", e.RoundName, e.Reviews, e.AverageScore, e.ReviewedAt, cancellationToken);

    public Task HandleAsync(ModelExpertReviewed e, IntegrationEventContext context, CancellationToken cancellationToken)
        => KeepReviewAsync(e.ModelId, e.RoundId, "expert", e.RoundName, e.Reviews, e.AverageScore, e.ReviewedAt, cancellationToken);

    public async Task HandleAsync(NewsletterIssueSent e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (!await db.NewsletterIssues.AnyAsync(i => i.IssueId == e.IssueId, cancellationToken))
        {
            db.NewsletterIssues.Add(e.Adapt<NewsletterIssueFact>(MonitoringMappings.Config));
        }
    }

    public async Task HandleAsync(NewsletterSubscriptionConfirmed e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var subscription = await SubscriptionAsync(e.SubscriptionId, cancellationToken);
        subscription.Language = e.Language;
        if (subscription.ConfirmedAt is null || e.ConfirmedAt < subscription.ConfirmedAt)
        {
            subscription.ConfirmedAt = e.ConfirmedAt;
        }
    }

    public async Task HandleAsync(NewsletterSubscriptionEnded e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var subscription = await SubscriptionAsync(e.SubscriptionId, cancellationToken);
        subscription.EndedAt ??= e.EndedAt;
    }

    public async Task HandleAsync(PostPublished e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.PostId == e.PostId, cancellationToken);
        if (post is null)
        {
            db.Posts.Add(post = new PostFact { PostId = e.PostId, PublishedAt = e.PublishedAt });
        }

        post.Kind = e.Kind;
        post.ProjectId = e.ProjectId;
        post.TitleFi = e.TitleFi;
        post.TitleSv = e.TitleSv;
        if (e.PublishedAt < post.PublishedAt)
        {
            post.PublishedAt = e.PublishedAt;
        }
    }

    private async Task ForgetHeldAsync(Guid eventId, CancellationToken ct)
    {
        await db.AttendanceProjects.Where(a => a.EventId == eventId).ExecuteDeleteAsync(ct);
        await db.Attendances.Where(a => a.EventId == eventId).ExecuteDeleteAsync(ct);
        await db.HeldEvents.Where(h => h.EventId == eventId).ExecuteDeleteAsync(ct);
    }

    private async Task<ModelFact> ModelAsync(Guid id, Guid networkId, CancellationToken ct)
    {
        var model = await db.Models.SingleOrDefaultAsync(m => m.ModelId == id, ct);
        if (model is null)
        {
            db.Models.Add(model = new ModelFact { ModelId = id, NetworkId = networkId, ChangedAt = DateTime.UnixEpoch });
        }

        return model;
    }

    private async Task<SubscriptionFact> SubscriptionAsync(Guid id, CancellationToken ct)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.SubscriptionId == id, ct);
        if (subscription is null)
        {
            db.Subscriptions.Add(subscription = new SubscriptionFact { SubscriptionId = id });
        }

        return subscription;
    }

    private async Task KeepReviewAsync(Guid modelId, Guid roundId, string kind, string roundName, int reviews, double? average, DateTime at, CancellationToken ct)
    {
        var review = await db.ModelReviews.SingleOrDefaultAsync(r => r.ModelId == modelId && r.RoundId == roundId, ct);
        if (review is null)
        {
            db.ModelReviews.Add(review = new ModelReviewFact { ModelId = modelId, RoundId = roundId, ReviewedAt = at });
        }

        review.Kind = kind;
        review.RoundName = roundName;
        review.Reviews = reviews;
        review.AverageScore = average;
    }

    private static string Cut(string text) => text.Length > 1000 ? text[..1000] : text;
}
