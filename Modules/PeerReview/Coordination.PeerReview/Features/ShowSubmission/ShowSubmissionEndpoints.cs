using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Assigning;
using Coordination.PeerReview.Submissions;
using Coordination.PeerReview.Feedback;
using Coordination.PeerReview.Resources;
using Coordination.PeerReview.Rounds;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.ShowSubmission;

/// <summary>A submission's page: for the coordinator the model as submitted, its reviewers
/// (add by hand, remove), the reviews, the consolidated feedback and its release, round-table
/// notes and sending on to an expert round; for the project's managers the released feedback.</summary>
internal sealed class ShowSubmissionEndpoints : ICarterModule
{
    public sealed record AssignedRow(Guid AssignmentId, string Reviewer, ReviewStatus? Status, bool Manual);

    public sealed record SubmissionModel(FeedbackView View, List<AssignedRow> Assigned, List<Reviewer> Available, List<Round> ExpertRounds, bool PeerReviewed, string? Saved, string? Problem);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/peer-review/submissions/{id:guid}", async Task<IResult> (Guid id, string? saved, string? problem, PeerReviewDbContext db, FeedbackService feedback, SubmissionService submissions, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            await PageAsync(id, saved, problem, db, feedback, submissions, clock, user, ct))
            .RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();

        var pages = app.MapGroup("/peer-review/submissions/{id:guid}").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapPost("/feedback", async Task<IResult> (Guid id, IFormCollection form, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
            await feedback.SaveAsync(id, form.Text("feedback"), user.UserId(), ct) ? TypedResults.Redirect($"/peer-review/submissions/{id}?saved=feedback") : TypedResults.NotFound());
        pages.MapPost("/release", async Task<IResult> (Guid id, IFormCollection form, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
            await feedback.ReleaseAsync(id, user.UserId(), ct) switch
            {
                ReleaseOutcome.NotFound => TypedResults.NotFound(),
                ReleaseOutcome.Released => TypedResults.Redirect($"/peer-review/submissions/{id}?saved=released"),
                var outcome => TypedResults.Redirect($"/peer-review/submissions/{id}?problem={outcome}"),
            });
        pages.MapPost("/round-table", async Task<IResult> (Guid id, IFormCollection form, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
            await feedback.RoundTableAsync(id, form.Text("notes"), form.Text("outcome"), user.UserId(), ct) ? TypedResults.Redirect($"/peer-review/submissions/{id}?saved=roundTable") : TypedResults.NotFound());
        pages.MapPost("/assignments", async Task<IResult> (Guid id, IFormCollection form, PeerReviewDbContext db, Assigner assigner, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var roundId = await db.Submissions.Where(s => s.Id == id).Select(s => (Guid?)s.RoundId).SingleOrDefaultAsync(ct);
            if (roundId is null)
            {
                return TypedResults.NotFound();
            }

            var (outcome, _) = await assigner.AddAsync(roundId.Value, id, form.Id("reviewerId") ?? Guid.Empty, user.UserId(), ct);
            return TypedResults.Redirect(outcome == ManualOutcome.Added ? $"/peer-review/submissions/{id}?saved=assigned" : $"/peer-review/submissions/{id}?problem={outcome}");
        });
        pages.MapPost("/assignments/{assignmentId:guid}/remove", async Task<IResult> (Guid id, Guid assignmentId, IFormCollection form, Assigner assigner, ClaimsPrincipal user, CancellationToken ct) =>
            await assigner.RemoveAsync(assignmentId, user.UserId(), ct) switch
            {
                null => TypedResults.NotFound(),
                false => TypedResults.Redirect($"/peer-review/submissions/{id}?problem=ReviewSubmitted"),
                true => TypedResults.Redirect($"/peer-review/submissions/{id}?saved=removed"),
            });
        pages.MapPost("/expert", async Task<IResult> (Guid id, IFormCollection form, PeerReviewDbContext db, SubmissionService submissions, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var modelId = await db.Submissions.Where(s => s.Id == id).Select(s => (Guid?)s.ModelId).SingleOrDefaultAsync(ct);
            if (modelId is null)
            {
                return TypedResults.NotFound();
            }

            var (outcome, created) = await submissions.SubmitAsync(form.Id("roundId") ?? Guid.Empty, modelId.Value, user, ct);
            return TypedResults.Redirect(outcome == SubmitOutcome.Created ? $"/peer-review/submissions/{created}?saved=sentToExperts" : $"/peer-review/submissions/{id}?problem={outcome}");
        });
    }

    private static async Task<IResult> PageAsync(Guid id, string? saved, string? problem, PeerReviewDbContext db, FeedbackService feedback, SubmissionService submissions, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var (view, forbidden) = await feedback.ViewAsync(id, user, ct);
        if (view is null)
        {
            return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }

        if (!view.CanEdit)
        {
            return new RazorComponentResult<SubmissionPage>(new { Model = new SubmissionModel(view, [], [], [], false, saved, problem) });
        }

        var assigned = await (from a in db.Assignments.AsNoTracking()
                              where a.SubmissionId == id
                              join v in db.Reviewers.AsNoTracking() on a.ReviewerId equals v.Id
                              orderby v.Name
                              select new { a.Id, v.Name, a.Manual }).ToListAsync(ct);
        var ids = assigned.Select(a => a.Id).ToList();
        var status = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status, ct);
        var taken = await db.Assignments.Where(a => a.SubmissionId == id).Select(a => a.ReviewerId).ToListAsync(ct);
        var planned = RoundQueries.Planned(view.Submission);
        var available = (await db.Reviewers.AsNoTracking().Where(r => r.RoundId == view.Round.Id && !taken.Contains(r.Id)).OrderBy(r => r.Name).ToListAsync(ct))
            .Where(r => AssignmentPlanner.Check(RoundQueries.Planned(r), planned) == Exclusion.None).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var expertRounds = view.Round.Type == RoundType.Peer
            ? (await db.Rounds.AsNoTracking().Where(r => r.Type == RoundType.Expert).ToListAsync(ct)).Where(r => r.ClosesAt is null || r.ClosesAt > now).ToList()
            : [];
        return new RazorComponentResult<SubmissionPage>(new
        {
            Model = new SubmissionModel(view, [.. assigned.Select(a => new AssignedRow(a.Id, a.Name, status.TryGetValue(a.Id, out var s) ? s : null, a.Manual))], available, expertRounds,
                await submissions.PeerReviewedAsync(view.Submission.ModelId, ct), saved, problem),
        });
    }
}
