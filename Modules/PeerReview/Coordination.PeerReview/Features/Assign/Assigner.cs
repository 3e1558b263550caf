using System.Globalization;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Features.Rounds;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Email;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.Assign;

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
/// changes by hand, where the same conflict rules hold.</summary>
internal sealed class Assigner(PeerReviewDbContext db, TimeProvider clock, IEmailSender email, IConfiguration configuration, IStringLocalizer<PeerReviewStrings> l)
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
        db.Assignments.AddRange(plan.Added.Select(a => new Assignment { Id = Guid.CreateVersion7(), RoundId = roundId, SubmissionId = a.SubmissionId, ReviewerId = a.ReviewerId, AssignedAt = now }));
        db.Audit(userId, "AssignReviewers", nameof(Round), roundId.ToString(), plan.Added.Count.ToString(CultureInfo.InvariantCulture), now);
        await db.SaveChangesAsync(ct);
        var titles = submissions.ToDictionary(s => s.Id, s => s.Title);
        foreach (var group in plan.Added.GroupBy(a => a.ReviewerId))
        {
            var reviewer = reviewers.Single(r => r.Id == group.Key);
            await NotifyAsync(reviewer, round, [.. group.Select(a => titles[a.SubmissionId])], ct);
        }

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
        db.Assignments.Add(new Assignment { Id = Guid.CreateVersion7(), RoundId = roundId, SubmissionId = submissionId, ReviewerId = reviewerId, Manual = true, AssignedAt = now });
        // The reviewer's id, never their name: the audit trail outlives an erasure.
        db.Audit(userId, "AssignReviewerByHand", nameof(Submission), submissionId.ToString(), reviewer.Id.ToString(), now);
        await db.SaveChangesAsync(ct);
        await NotifyAsync(reviewer, await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct), [submission.Title], ct);
        return (ManualOutcome.Added, null);
    }

    /// <summary>Tells a reviewer which models they were given and where to review them.</summary>
    private Task NotifyAsync(Reviewer reviewer, Round round, IReadOnlyList<LocalizedText> titles, CancellationToken ct)
    {
        using var culture = new CultureScope(reviewer.Language);
        var closes = round.ClosesAt is { } c ? string.Format(CultureInfo.CurrentCulture, l["AssignedMailCloses"], HelsinkiTime.FormatDateTime(c)) : "";
        return email.SendAsync(new EmailMessage(reviewer.Email, reviewer.Name, string.Format(CultureInfo.CurrentCulture, l["AssignedMailSubject"], round.Name),
            string.Format(CultureInfo.CurrentCulture, l["AssignedMailBody"], reviewer.Name, round.Name, string.Join("\n", titles.Select(t => "- " + t.InCurrentCulture().Text)), closes, $"{PublicUrl.Base(configuration)}/peer-review")), ct);
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
