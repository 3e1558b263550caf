using Coordination.PeerReview.Data;
using Coordination.PeerReview.Assigning;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Rounds;

internal sealed record SubmissionRow(Guid Id, Guid ModelId, string Title, string? Project, int Reviewers, int ReviewsDone, bool Released, Shortfall? Shortfall);

internal sealed record ReviewerRow(Guid Id, string Name, string Email, string? Project, int Load, int Done, bool Volunteered, int Conflicts);

internal sealed record RoundDetails(Round Round, List<SubmissionRow> Submissions, List<ReviewerRow> Reviewers, List<ReviewRequest> Waiting, Dictionary<Guid, string> Projects);

/// <summary>A round with its submissions, reviewers and loads, the models waiting for a round,
/// and why a submission still lacks reviewers (same rules as the assignment).</summary>
internal static class RoundQueries
{
    public static async Task<RoundDetails?> DetailsAsync(PeerReviewDbContext db, Guid id, DateTime now, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        var submissions = await db.Submissions.AsNoTracking().Where(s => s.RoundId == id).OrderBy(s => s.Title.Fi).ToListAsync(ct);
        var reviewers = await db.Reviewers.AsNoTracking().Where(r => r.RoundId == id).OrderBy(r => r.Name).ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.RoundId == id).Select(a => new { a.Id, a.SubmissionId, a.ReviewerId }).ToListAsync(ct);
        var done = (await db.Reviews.AsNoTracking().Where(r => r.RoundId == id && r.Status == ReviewStatus.Submitted).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.ProjectId, p => p.Label, ct);
        var inRound = submissions.Select(s => s.ModelId).ToHashSet();
        var waiting = (await db.Requests.AsNoTracking().Where(r => round.NetworkId == null || r.NetworkId == round.NetworkId).OrderBy(r => r.Title.Fi).ToListAsync(ct))
            .Where(r => !inRound.Contains(r.ModelId)).ToList();

        var planned = reviewers.Select(Planned).ToList();
        var loads = assignments.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var rows = submissions.Select(s =>
        {
            var mine = assignments.Where(a => a.SubmissionId == s.Id).ToList();
            Shortfall? shortfall = null;
            if (mine.Count < round.ReviewersPerSubmission)
            {
                var target = Planned(s);
                var reasons = planned.Select(r => AssignmentPlanner.Check(r, target)).ToList();
                var atMaximum = planned.Where((r, i) => reasons[i] == Exclusion.None && mine.All(a => a.ReviewerId != r.Id) && loads.GetValueOrDefault(r.Id) >= round.MaxReviewsPerReviewer).Count();
                shortfall = new Shortfall(s.Id, round.ReviewersPerSubmission, mine.Count, planned.Count, reasons.Count(x => x == Exclusion.OwnProject),
                    reasons.Count(x => x == Exclusion.SharedOrganisation), reasons.Count(x => x == Exclusion.DeclaredConflict), atMaximum);
            }

            return new SubmissionRow(s.Id, s.ModelId, s.Title.InCurrentCulture().Text, s.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, mine.Count, mine.Count(a => done.Contains(a.Id)), s.FeedbackReleasedAt is not null, shortfall);
        }).ToList();
        var reviewerRows = reviewers.Select(r => new ReviewerRow(
            r.Id, r.Name, r.Email, r.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, loads.GetValueOrDefault(r.Id),
            assignments.Count(a => a.ReviewerId == r.Id && done.Contains(a.Id)), r.Volunteered, r.ConflictProjectIds.Count + r.ConflictOrganisationIds.Count)).ToList();
        return new RoundDetails(round, rows, reviewerRows, waiting, projects);
    }

    public static PlannedReviewer Planned(Reviewer r) => new(r.Id, r.ProjectId, r.OrganisationIds, r.ConflictProjectIds, r.ConflictOrganisationIds);

    public static PlannedSubmission Planned(Submission s) => new(s.Id, s.ProjectId, s.OrganisationIds);
}
