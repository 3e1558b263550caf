using System.Globalization;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Rounds;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Assigning;

internal sealed record ShortfallView(Guid SubmissionId, string Title, int Needed, int Got, string Explanation);

internal sealed record AssignResult(int Added, int MinLoad, int MaxLoad, IReadOnlyList<ShortfallView> Shortfalls);

internal enum ManualOutcome
{
    Added,
    NotFound,
    AlreadyAssigned,
    Excluded,
}

/// <summary>Runs the automatic assignment of a round (keeping what exists) and the coordinator's
/// changes by hand, where the same conflict rules hold. Each reviewer's notice of new assignments
/// is queued with them.</summary>
internal sealed class Assigner(PeerReviewDbContext db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<PeerReviewStrings> l)
{
    public async Task<AssignResult?> AssignAsync(Guid roundId, string? userId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var submissions = await db.Submissions.AsNoTracking().Where(s => s.RoundId == roundId).OrderBy(s => s.Id).ToListAsync(ct);
        var reviewers = await db.Reviewers.AsNoTracking().Where(r => r.RoundId == roundId).OrderBy(r => r.Id).ToListAsync(ct);
        var existing = await db.Assignments.AsNoTracking().Where(a => a.RoundId == roundId).Select(a => new { a.SubmissionId, a.ReviewerId }).ToListAsync(ct);
        var plan = AssignmentPlanner.Plan(
            [.. submissions.Select(RoundQueries.Planned)], [.. reviewers.Select(RoundQueries.Planned)], [.. existing.Select(a => (a.SubmissionId, a.ReviewerId))],
            round.ReviewersPerSubmission, round.MaxReviewsPerReviewer, BitConverter.ToInt32(round.Id.ToByteArray(), 0));
        var now = clock.GetUtcNow().UtcDateTime;
        var added = plan.Added.Select(a => new Assignment { Id = Guid.CreateVersion7(), RoundId = roundId, SubmissionId = a.SubmissionId, ReviewerId = a.ReviewerId, AssignedAt = now }).ToList();
        db.Assignments.AddRange(added);
        db.Audit(userId, "AssignReviewers", nameof(Round), roundId.ToString(), plan.Added.Count.ToString(CultureInfo.InvariantCulture), now);
        var titles = submissions.ToDictionary(s => s.Id, s => s.Title);
        foreach (var group in added.GroupBy(a => a.ReviewerId))
        {
            var reviewer = reviewers.Single(r => r.Id == group.Key);
            Notify(reviewer, round, [.. group.Select(a => titles[a.SubmissionId])], group.First().Id, now);
        }

        await db.SaveChangesAsync(ct);

        var loads = plan.Loads.Values.ToList();
        return new AssignResult(plan.Added.Count, loads.Count == 0 ? 0 : loads.Min(), loads.Count == 0 ? 0 : loads.Max(),
            [.. plan.Shortfalls.Select(s => new ShortfallView(s.SubmissionId, titles[s.SubmissionId].InCurrentCulture().Text, s.Needed, s.Got, Explain(s)))]);
    }

    /// <summary>"Needs 3 reviewers, has 1: of 5 reviewers 2 are from the model's own project, …"</summary>
    public string Explain(Shortfall s)
        => string.Format(CultureInfo.CurrentCulture, l["ShortfallExplanation"], s.Needed, s.Got, s.Reviewers, s.OwnProject, s.SharedOrganisation, s.DeclaredConflict, s.AtMaximum);

    public async Task<(ManualOutcome Outcome, string? Reason)> AddAsync(Guid roundId, Guid submissionId, Guid reviewerId, string? userId, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId && s.RoundId == roundId, ct);
        var reviewer = await db.Reviewers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewerId && r.RoundId == roundId, ct);
        if (submission is null || reviewer is null)
        {
            return (ManualOutcome.NotFound, null);
        }

        var exclusion = AssignmentPlanner.Check(RoundQueries.Planned(reviewer), RoundQueries.Planned(submission));
        if (exclusion != Exclusion.None)
        {
            return (ManualOutcome.Excluded, l["Exclusion_" + exclusion].Value);
        }

        if (await db.Assignments.AnyAsync(a => a.SubmissionId == submissionId && a.ReviewerId == reviewerId, ct))
        {
            return (ManualOutcome.AlreadyAssigned, l["AlreadyAssigned"].Value);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var assignment = new Assignment { Id = Guid.CreateVersion7(), RoundId = roundId, SubmissionId = submissionId, ReviewerId = reviewerId, Manual = true, AssignedAt = now };
        db.Assignments.Add(assignment);
        // The reviewer's id, never their name: the audit trail outlives an erasure.
        db.Audit(userId, "AssignReviewerByHand", nameof(Submission), submissionId.ToString(), reviewer.Id.ToString(), now);
        Notify(reviewer, await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct), [submission.Title], assignment.Id, now);
        await db.SaveChangesAsync(ct);
        return (ManualOutcome.Added, null);
    }

    /// <summary>Queues the notice telling a reviewer which models they were given and where to
    /// review them; it is named by the first of the new assignments.</summary>
    private void Notify(Reviewer reviewer, Round round, IReadOnlyList<LocalizedText> titles, Guid firstAssignment, DateTime now)
    {
        using var culture = new CultureScope(reviewer.Language);
        var closes = round.ClosesAt is { } c ? string.Format(CultureInfo.CurrentCulture, l["AssignedMailCloses"], HelsinkiTime.FormatDateTime(c)) : "";
        db.QueueMail(new EmailMessage(reviewer.Email, reviewer.Name, string.Format(CultureInfo.CurrentCulture, l["AssignedMailSubject"], round.Name),
            string.Format(CultureInfo.CurrentCulture, l["AssignedMailBody"], reviewer.Name, round.Name, string.Join("\n", titles.Select(t => "- " + t.InCurrentCulture().Text)), closes, $"{PublicUrl.Base(configuration)}/peer-review")),
            $"peerreview:assigned:{firstAssignment:N}", now);
    }

    /// <summary>Removes an assignment whose review has not been submitted. Null when not found,
    /// false when the review is already in.</summary>
    public async Task<bool?> RemoveAsync(Guid assignmentId, string? userId, CancellationToken ct)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null)
        {
            return null;
        }

        if (await db.Reviews.AnyAsync(r => r.Id == assignmentId && r.Status == ReviewStatus.Submitted, ct))
        {
            return false;
        }

        db.Assignments.Remove(assignment);
        db.Audit(userId, "RemoveAssignment", nameof(Submission), assignment.SubmissionId.ToString(), assignment.ReviewerId.ToString(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
