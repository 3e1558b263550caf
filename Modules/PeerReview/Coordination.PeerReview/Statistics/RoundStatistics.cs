using Coordination.PeerReview.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Statistics;

internal sealed record CriterionStatistics(string Key, string Title, int N, double? Mean);

internal sealed record RoundStatisticsView(Guid RoundId, int Submissions, int Reviewers, int Assignments, int ReviewsSubmitted, int FeedbackReleased, IReadOnlyList<CriterionStatistics> Criteria);

/// <summary>Per round: submissions, reviewers, reviews done, feedback released and the average
/// score of each criterion over submitted reviews.</summary>
internal static class RoundStatistics
{
    public static async Task<RoundStatisticsView?> ForAsync(PeerReviewDbContext db, Guid roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var scores = await db.Reviews.AsNoTracking().Where(r => r.RoundId == roundId && r.Status == ReviewStatus.Submitted).Select(r => r.Scores).ToListAsync(ct);
        return new RoundStatisticsView(
            roundId,
            await db.Submissions.CountAsync(s => s.RoundId == roundId, ct),
            await db.Reviewers.CountAsync(r => r.RoundId == roundId, ct),
            await db.Assignments.CountAsync(a => a.RoundId == roundId, ct),
            scores.Count,
            await db.Submissions.CountAsync(s => s.RoundId == roundId && s.FeedbackReleasedAt != null, ct),
            [.. round.Criteria.Select(c =>
            {
                var values = scores.Where(s => s.ContainsKey(c.Key)).Select(s => s[c.Key]).ToList();
                return new CriterionStatistics(c.Key, c.Title, values.Count, values.Count == 0 ? null : Math.Round(values.Average(), 2));
            })]);
    }
}
