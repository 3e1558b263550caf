using Coordination.PeerReview.Contracts;
using Coordination.PeerReview.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Integration;

/// <summary>The review outcome a released feedback announces, for releasing and for the republisher.</summary>
internal static class ReviewMessages
{
    /// <summary><see cref="ModelPeerReviewed"/> or <see cref="ModelExpertReviewed"/> by the round's
    /// type (a round table announces nothing): the submitted reviews and their mean score.</summary>
    public static async Task<IIntegrationEvent?> OutcomeAsync(PeerReviewDbContext db, Submission submission, Round round, DateTime releasedAt, CancellationToken ct)
    {
        if (round.Type is not (RoundType.Peer or RoundType.Expert))
        {
            return null;
        }

        var scores = await db.Reviews.AsNoTracking().Where(r => r.SubmissionId == submission.Id && r.Status == ReviewStatus.Submitted).Select(r => r.Scores).ToListAsync(ct);
        var all = scores.SelectMany(s => s.Values).ToList();
        double? average = all.Count == 0 ? null : Math.Round(all.Average(), 2);
        return round.Type == RoundType.Peer
            ? new ModelPeerReviewed(submission.ModelId, round.Id, round.Name, scores.Count, average, releasedAt)
            : new ModelExpertReviewed(submission.ModelId, round.Id, round.Name, scores.Count, average, releasedAt);
    }
}
