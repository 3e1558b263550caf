using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Reviews;

/// <summary>A review as written: scores by criterion key, the written parts; Submit makes it final.</summary>
internal sealed record ReviewInput(Dictionary<string, int>? Scores, string? Strengths, string? Suggestions, string? Transferability, bool Submit = false);

internal sealed record AssignmentView(Assignment Assignment, Round Round, Submission Submission, Review? Review);

internal sealed record MyAssignment(Guid Id, Guid RoundId, string Round, string Title, DateTime? ClosesAt, ReviewStatus? Status);

internal enum SaveOutcome
{
    Saved,
    Submitted,
    Invalid,
    AlreadySubmitted,
    Closed,
    NotOpenYet,
}

/// <summary>Reviewers' side: their assignments, the form (drafts saved any time in the window,
/// a submitted review is final).</summary>
internal sealed class ReviewService(PeerReviewDbContext db, TimeProvider clock, IStringLocalizer<PeerReviewStrings> l)
{
    public async Task<List<MyAssignment>> MineAsync(string? email, CancellationToken ct)
    {
        if (email is null)
        {
            return [];
        }

        var rows = await (from r in db.Reviewers.AsNoTracking()
                          where r.Email == email
                          join a in db.Assignments.AsNoTracking() on r.Id equals a.ReviewerId
                          join s in db.Submissions.AsNoTracking() on a.SubmissionId equals s.Id
                          join round in db.Rounds.AsNoTracking() on a.RoundId equals round.Id
                          select new { a.Id, a.RoundId, Round = round.Name, s.Title, round.ClosesAt }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var status = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status, ct);
        return [.. rows.Select(r => new MyAssignment(r.Id, r.RoundId, r.Round, r.Title.InCurrentCulture().Text, r.ClosesAt, status.TryGetValue(r.Id, out var s) ? s : null))
            .OrderBy(r => r.Status == ReviewStatus.Submitted).ThenBy(r => r.ClosesAt ?? DateTime.MaxValue).ThenBy(r => r.Title)];
    }

    public async Task<AssignmentView> ViewAsync(Assignment assignment, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == assignment.RoundId, ct);
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == assignment.SubmissionId, ct);
        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == assignment.Id, ct);
        return new AssignmentView(assignment, round, submission, review);
    }

    public async Task<(SaveOutcome Outcome, FormErrors Errors)> SaveAsync(Assignment assignment, ReviewInput input, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == assignment.RoundId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FormErrors();
        if (round.ClosesAt is { } closes && closes <= now)
        {
            return (SaveOutcome.Closed, errors);
        }

        if (round.OpensAt is { } opens && opens > now)
        {
            return (SaveOutcome.NotOpenYet, errors);
        }

        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == assignment.Id, ct);
        if (review?.Status == ReviewStatus.Submitted)
        {
            return (SaveOutcome.AlreadySubmitted, errors);
        }

        var scores = new Dictionary<string, int>();
        foreach (var criterion in round.Criteria)
        {
            if (input.Scores?.TryGetValue(criterion.Key, out var score) == true)
            {
                if (score is < 1 or > 5)
                {
                    errors.Add($"scores.{criterion.Key}", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["ScoreRange"], criterion.Title));
                }
                else
                {
                    scores[criterion.Key] = score;
                }
            }
            else if (input.Submit)
            {
                errors.Add($"scores.{criterion.Key}", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["ScoreRequired"], criterion.Title));
            }
        }

        foreach (var key in (input.Scores?.Keys ?? Enumerable.Empty<string>()).Where(k => round.Criteria.All(c => c.Key != k)))
        {
            errors.Add($"scores.{key}", l["CriterionUnknown"]);
        }

        Text("strengths", "Strengths", input.Strengths, input.Submit);
        Text("suggestions", "Suggestions", input.Suggestions, input.Submit);
        Text("transferability", "Transferability", input.Transferability, false);
        if (!errors.IsEmpty)
        {
            return (SaveOutcome.Invalid, errors);
        }

        if (review is null)
        {
            db.Reviews.Add(review = new Review { Id = assignment.Id, RoundId = assignment.RoundId, SubmissionId = assignment.SubmissionId });
        }

        review.Scores = scores;
        review.Strengths = input.Strengths?.Trim() ?? "";
        review.Suggestions = input.Suggestions?.Trim() ?? "";
        review.Transferability = input.Transferability?.Trim() ?? "";
        review.UpdatedAt = now;
        if (input.Submit)
        {
            review.Status = ReviewStatus.Submitted;
            review.SubmittedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return (input.Submit ? SaveOutcome.Submitted : SaveOutcome.Saved, errors);

        // Each message names its field, so that the error summary tells them apart.
        void Text(string key, string label, string? value, bool required)
        {
            if (value?.Length > 8000)
            {
                errors.Add(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, l["TextTooLong"], l[label]));
            }
            else if (required && string.IsNullOrWhiteSpace(value))
            {
                errors.Add(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, l["TextRequired"], l[label]));
            }
        }
    }
}
