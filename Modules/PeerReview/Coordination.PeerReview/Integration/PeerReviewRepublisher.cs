using System.Runtime.CompilerServices;
using Coordination.PeerReview.Contracts;
using Coordination.PeerReview.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Integration;

/// <summary>PeerReview's current state for a module that subscribed late: the outcome of every
/// released peer and expert review.</summary>
internal sealed class PeerReviewRepublisher(PeerReviewDbContext db) : IStateRepublisher
{
    public async IAsyncEnumerable<RepublishedEvent> StateAsync(IReadOnlySet<Type> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!wanted.Contains(typeof(ModelPeerReviewed)) && !wanted.Contains(typeof(ModelExpertReviewed)))
        {
            yield break;
        }

        var rounds = await db.Rounds.AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var released = await db.Submissions.AsNoTracking().Where(s => s.FeedbackReleasedAt != null).OrderBy(s => s.FeedbackReleasedAt).ToListAsync(cancellationToken);
        foreach (var submission in released)
        {
            if (rounds.TryGetValue(submission.RoundId, out var round)
                && await ReviewMessages.OutcomeAsync(db, submission, round, submission.FeedbackReleasedAt!.Value, cancellationToken) is { } outcome)
            {
                yield return new(outcome, submission.FeedbackReleasedAt!.Value);
            }
        }
    }
}
