using System.Security.Claims;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Submissions;

internal enum SubmitOutcome
{
    Created,
    RoundNotFound,
    ModelNotRequested,
    AlreadySubmitted,
    RoundClosed,
    Forbidden,
    NotPeerReviewed,
}

/// <summary>Puts a model in a round with a snapshot of its card as sent to review. A project's
/// manager submits their own project's models to an open round; coordinators any model to a
/// round not yet closed. An expert round takes only models whose peer review was released.</summary>
internal sealed class SubmissionService(PeerReviewDbContext db, ReviewAccess access, TimeProvider clock)
{
    public async Task<(SubmitOutcome Outcome, Guid? Id)> SubmitAsync(Guid roundId, Guid modelId, ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return (SubmitOutcome.RoundNotFound, null);
        }

        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.ModelId == modelId, ct);
        if (request is null)
        {
            return (SubmitOutcome.ModelNotRequested, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var coordinator = ReviewAccess.IsCoordinator(user);
        if (!coordinator && (request.ProjectId is not { } project || !(await access.ManagedProjectsAsync(user, ct)).Contains(project)))
        {
            return (SubmitOutcome.Forbidden, null);
        }

        if (round.ClosesAt <= now || (!coordinator && !round.IsOpen(now)))
        {
            return (SubmitOutcome.RoundClosed, null);
        }

        if (round.Type == RoundType.Expert && !await PeerReviewedAsync(modelId, ct))
        {
            return (SubmitOutcome.NotPeerReviewed, null);
        }

        if (await db.Submissions.AnyAsync(s => s.RoundId == roundId && s.ModelId == modelId, ct))
        {
            return (SubmitOutcome.AlreadySubmitted, null);
        }

        var submission = Snapshot(round.Id, request, now);
        db.Submissions.Add(submission);
        db.Audit(user.UserId(), "SubmitModel", nameof(Submission), submission.Id.ToString(), request.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return (SubmitOutcome.Created, submission.Id);
    }

    /// <summary>On ModelSubmittedForReview: into the network's newest open peer round, if any
    /// (otherwise the request waits on the round pages).</summary>
    public async Task SubmitToOpenPeerRoundAsync(ReviewRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var round = (await db.Rounds.AsNoTracking().Where(r => r.Type == RoundType.Peer && (r.NetworkId == null || r.NetworkId == request.NetworkId)).ToListAsync(ct))
            .Where(r => r.IsOpen(now)).OrderByDescending(r => r.CreatedAt).FirstOrDefault();
        if (round is null || await db.Submissions.AnyAsync(s => s.RoundId == round.Id && s.ModelId == request.ModelId, ct))
        {
            return;
        }

        db.Submissions.Add(Snapshot(round.Id, request, now));
        await db.SaveChangesAsync(ct);
    }

    public Task<bool> PeerReviewedAsync(Guid modelId, CancellationToken ct)
        => db.Submissions.AnyAsync(s => s.ModelId == modelId && s.FeedbackReleasedAt != null && db.Rounds.Any(r => r.Id == s.RoundId && r.Type == RoundType.Peer), ct);

    private static Submission Snapshot(Guid roundId, ReviewRequest request, DateTime now)
    {
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(),
            RoundId = roundId,
            ModelId = request.ModelId,
            ProjectId = request.ProjectId,
            OrganisationIds = [.. request.OrganisationIds],
            ModelVersion = request.Version,
            SubmittedAt = now,
        };
        request.CopyTo(submission);
        return submission;
    }
}
