using System.Globalization;
using System.Security.Claims;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Contracts;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Feedback;

internal sealed record ReviewShown(string Reviewer, IReadOnlyDictionary<string, int> Scores, string Strengths, string Suggestions, string Transferability, DateTime? SubmittedAt);

internal sealed record FeedbackView(Round Round, Submission Submission, IReadOnlyList<ReviewShown> Reviews, IReadOnlyDictionary<string, double> Averages, bool CanEdit);

internal enum ReleaseOutcome
{
    Released,
    NotFound,
    NoFeedback,
    AlreadyReleased,
}

/// <summary>The outcome of a submission: the coordinator's consolidated feedback written from the
/// reviews and released to the project (reviewer names shown or not by the round's setting),
/// which publishes ModelPeerReviewed or ModelExpertReviewed; the round table's notes and outcome.</summary>
internal sealed class FeedbackService(PeerReviewDbContext db, ReviewAccess access, TimeProvider clock, IConfiguration configuration, IStringLocalizer<PeerReviewStrings> l)
{
    /// <summary>Null when not found or not to be seen yet: the project sees it after release only.</summary>
    public async Task<(FeedbackView? View, bool Forbidden)> ViewAsync(Guid submissionId, ClaimsPrincipal user, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null)
        {
            return (null, false);
        }

        var coordinator = ReviewAccess.IsCoordinator(user);
        if (!coordinator)
        {
            var own = submission.ProjectId is { } p && (await access.ManagedProjectsAsync(user, ct)).Contains(p);
            if (!own)
            {
                return (null, true);
            }

            if (submission.FeedbackReleasedAt is null)
            {
                return (null, false);
            }
        }

        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == submission.RoundId, ct);
        var reviews = await (from r in db.Reviews.AsNoTracking()
                             where r.SubmissionId == submissionId && r.Status == ReviewStatus.Submitted
                             join a in db.Assignments.AsNoTracking() on r.Id equals a.Id
                             join v in db.Reviewers.AsNoTracking() on a.ReviewerId equals v.Id
                             orderby r.SubmittedAt
                             select new { r, v.Name }).ToListAsync(ct);
        var shown = reviews.Select((x, i) => new ReviewShown(
            coordinator || round.ShowReviewerNames ? x.Name : string.Format(CultureInfo.CurrentCulture, l["ReviewerNumber"], i + 1),
            x.r.Scores, x.r.Strengths, x.r.Suggestions, x.r.Transferability, x.r.SubmittedAt)).ToList();
        var averages = round.Criteria
            .Select(c => (c.Key, Scores: reviews.Where(x => x.r.Scores.ContainsKey(c.Key)).Select(x => x.r.Scores[c.Key]).ToList()))
            .Where(c => c.Scores.Count > 0)
            .ToDictionary(c => c.Key, c => Math.Round(c.Scores.Average(), 2));
        return (new FeedbackView(round, submission, shown, averages, coordinator), false);
    }

    public async Task<bool> SaveAsync(Guid submissionId, string? feedback, string? userId, CancellationToken ct)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null)
        {
            return false;
        }

        submission.Feedback = string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim();
        db.Audit(userId, "WriteFeedback", nameof(Submission), submissionId.ToString(), null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<ReleaseOutcome> ReleaseAsync(Guid submissionId, string? userId, CancellationToken ct)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null)
        {
            return ReleaseOutcome.NotFound;
        }

        if (string.IsNullOrWhiteSpace(submission.Feedback))
        {
            return ReleaseOutcome.NoFeedback;
        }

        if (submission.FeedbackReleasedAt is not null)
        {
            return ReleaseOutcome.AlreadyReleased;
        }

        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == submission.RoundId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        submission.FeedbackReleasedAt = now;
        if (await Integration.ReviewMessages.OutcomeAsync(db, submission, round, now, ct) is { } outcome)
        {
            db.Publish(outcome, now);
        }

        db.Audit(userId, "ReleaseFeedback", nameof(Submission), submissionId.ToString(), submission.Title.Fi, now);
        // The project's managers are told in the same transaction as the release.
        var managers = submission.ProjectId is { } project
            ? (await db.People.AsNoTracking().ToListAsync(ct)).Where(p => p.ManagedProjects.Contains(project)).ToList()
            : [];
        var link = $"{PublicUrl.Base(configuration)}/peer-review/submissions/{submission.Id}";
        foreach (var manager in managers)
        {
            using (new CultureScope(manager.Language))
            {
                db.QueueMail(new EmailMessage(manager.Email, manager.Name, string.Format(CultureInfo.CurrentCulture, l["ReleasedMailSubject"], submission.Title.InCurrentCulture().Text),
                    string.Format(CultureInfo.CurrentCulture, l["ReleasedMailBody"], manager.Name, submission.Title.InCurrentCulture().Text, round.Name, link)),
                    $"peerreview:released:{submission.Id:N}:{manager.PersonId:N}", now);
            }
        }

        await db.SaveChangesAsync(ct);
        return ReleaseOutcome.Released;
    }

    /// <summary>False when not found or the round is not a round table.</summary>
    public async Task<bool> RoundTableAsync(Guid submissionId, string? notes, string? outcome, string? userId, CancellationToken ct)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null || !await db.Rounds.AnyAsync(r => r.Id == submission.RoundId && r.Type == RoundType.RoundTable, ct))
        {
            return false;
        }

        submission.RoundTableNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        submission.RoundTableOutcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim();
        db.Audit(userId, "RoundTableNotes", nameof(Submission), submissionId.ToString(), null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
