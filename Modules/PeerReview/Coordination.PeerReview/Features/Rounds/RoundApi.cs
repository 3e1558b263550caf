using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Features.Assign;
using Coordination.PeerReview.Features.Outcome;
using Coordination.PeerReview.Features.Reviewers;
using Coordination.PeerReview.Features.Reviewing;
using Coordination.PeerReview.Features.Statistics;
using Coordination.PeerReview.Features.Submissions;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.Rounds;

/// <summary>The PeerReview API under /api/v1/peer-review: rounds and their criteria, submissions,
/// reviewers (named or volunteering), automatic and manual assignment, reviewing, consolidated
/// feedback and its release, round-table notes and statistics.</summary>
internal sealed class RoundApi : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record RoundSummary(Guid Id, string Name, string Type, int ReviewersPerSubmission, int MaxReviewsPerReviewer, DateTime? OpensAt, DateTime? ClosesAt, bool Open);

    public sealed record SubmitInput(Guid? ModelId);

    public sealed record ManualInput(Guid? SubmissionId, Guid? ReviewerId);

    public sealed record FeedbackInput(string? Feedback);

    public sealed record RoundTableInput(string? Notes, string? Outcome);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/peer-review").WithTags("PeerReview");
        var coordinator = api.MapGroup("").RequireAuthorization(Policies.Coordinator);

        coordinator.MapPost("/rounds", async Task<IResult> (RoundInput input, PeerReviewDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var round = new Round { Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
            var errors = await input.ApplyToAsync(round, db, l, ct);
            if (!errors.IsEmpty)
            {
                return ApiResults.Invalid(errors, shared);
            }

            db.Rounds.Add(round);
            db.Audit(user.UserId(), "CreateRound", nameof(Round), round.Id.ToString(), round.Name, now);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/peer-review/rounds/{round.Id}", new Created(round.Id));
        }).WithSummary("Creates a review round: { name, type: peer|expert|roundTable, reviewersPerSubmission, maxReviewsPerReviewer, opensAt?, closesAt?, showReviewerNames?, eventId?, criteria?: [{ title, rubric: [5 texts] }] }");

        coordinator.MapGet("/rounds", async Task<IResult> (PeerReviewDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
            return Results.Ok(rounds.Select(r => new RoundSummary(r.Id, r.Name, RoundInput.From(r).Type!, r.ReviewersPerSubmission, r.MaxReviewsPerReviewer, r.OpensAt, r.ClosesAt, r.IsOpen(now))));
        }).WithSummary("Lists the rounds, newest first");

        coordinator.MapGet("/rounds/{id:guid}", async Task<IResult> (Guid id, PeerReviewDbContext db, TimeProvider clock, CancellationToken ct) =>
            await RoundQueries.DetailsAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is { } d
                ? Results.Ok(new
                {
                    round = RoundInput.From(d.Round) with { Criteria = null },
                    criteria = d.Round.Criteria,
                    submissions = d.Submissions,
                    reviewers = d.Reviewers,
                    waiting = d.Waiting.Select(w => new { w.ModelId, w.Title, w.ProjectId, w.RequestedAt }),
                })
                : ApiResults.NotFound())
            .WithSummary("A round with its criteria, submissions (reviewers, reviews done, why one lacks reviewers), reviewers with loads, and models waiting for a round");

        coordinator.MapPut("/rounds/{id:guid}", async Task<IResult> (Guid id, RoundInput input, PeerReviewDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
        {
            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return ApiResults.NotFound();
            }

            if (input.Criteria is { Count: > 0 } && await db.Reviews.AnyAsync(r => r.RoundId == id && r.Status == ReviewStatus.Submitted, ct))
            {
                return ApiResults.Conflict(l["CriteriaFrozen"]);
            }

            var errors = await input.ApplyToAsync(round, db, l, ct);
            if (!errors.IsEmpty)
            {
                return ApiResults.Invalid(errors, shared);
            }

            round.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Audit(user.UserId(), "EditRound", nameof(Round), id.ToString(), round.Name, round.UpdatedAt);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).WithSummary("Edits a round (criteria cannot change once a review is submitted: 409)");

        api.MapPost("/rounds/{id:guid}/submissions", async Task<IResult> (Guid id, SubmitInput input, SubmissionService submissions, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
        {
            if (input.ModelId is not { } modelId)
            {
                var errors = new FormErrors();
                errors.Add("modelId", l["ModelRequired"]);
                return ApiResults.Invalid(errors, shared);
            }

            var (outcome, submissionId) = await submissions.SubmitAsync(id, modelId, user, ct);
            return outcome switch
            {
                SubmitOutcome.Created => Results.Created($"/api/v1/peer-review/submissions/{submissionId}", new Created(submissionId!.Value)),
                SubmitOutcome.RoundNotFound => ApiResults.NotFound(),
                SubmitOutcome.Forbidden => Results.Forbid(),
                SubmitOutcome.ModelNotRequested => ApiResults.NotFound(l["ModelNotRequested"]),
                _ => ApiResults.Conflict(l["Submit_" + outcome]),
            };
        }).RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Submits a model sent to review (ModelSubmittedForReview) to the round: coordinators, or the manager of the model's project; expert rounds take peer-reviewed models only");

        coordinator.MapPost("/rounds/{id:guid}/reviewers", async Task<IResult> (Guid id, ReviewerInput input, ReviewerService reviewers, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            await reviewers.AddAsync(id, input, false, user.UserId(), ct) switch
            {
                null => ApiResults.NotFound(),
                ({ } reviewerId, _) => Results.Created($"/api/v1/peer-review/rounds/{id}", new Created(reviewerId)),
                (_, var errors) => ApiResults.Invalid(errors, shared),
            })
            .WithSummary("Names a reviewer: { personId } from the directory, or { name, email, projectId?, organisationIds? } for an outside expert; with conflictProjectIds and conflictOrganisationIds");

        api.MapPost("/rounds/{id:guid}/volunteer", async Task<IResult> (Guid id, VolunteerInput? input, ReviewerService reviewers, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            await reviewers.VolunteerAsync(id, ReviewAccess.Email(user), input ?? new VolunteerInput(), user.UserId(), ct) switch
            {
                null => ApiResults.NotFound(),
                ({ } reviewerId, _) => Results.Created($"/api/v1/peer-review/rounds/{id}", new Created(reviewerId)),
                (_, var errors) => ApiResults.Invalid(errors, shared),
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("The signed-in member volunteers as a reviewer (found in the directory by e-mail), declaring conflicts");

        coordinator.MapPost("/rounds/{id:guid}/assign", async Task<IResult> (Guid id, Assigner assigner, ClaimsPrincipal user, CancellationToken ct) =>
                await assigner.AssignAsync(id, user.UserId(), ct) is { } result ? Results.Ok(result) : ApiResults.NotFound())
            .WithSummary("Assigns reviewers automatically (keeps existing assignments): k per submission, never the model's own project or organisations or a declared conflict, loads balanced; explains submissions it could not fill");

        coordinator.MapPost("/rounds/{id:guid}/assignments", async Task<IResult> (Guid id, ManualInput input, Assigner assigner, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (outcome, reason) = await assigner.AddAsync(id, input.SubmissionId ?? Guid.Empty, input.ReviewerId ?? Guid.Empty, user.UserId(), ct);
            return outcome switch
            {
                ManualOutcome.Added => Results.NoContent(),
                ManualOutcome.NotFound => ApiResults.NotFound(),
                ManualOutcome.AlreadyAssigned => ApiResults.Conflict(reason!),
                _ => Results.Problem(detail: reason, statusCode: StatusCodes.Status400BadRequest),
            };
        }).WithSummary("Assigns a reviewer by hand (conflicts still refused with the reason: 400)");

        coordinator.MapDelete("/assignments/{id:guid}", async Task<IResult> (Guid id, Assigner assigner, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
                await assigner.RemoveAsync(id, user.UserId(), ct) switch
                {
                    null => ApiResults.NotFound(),
                    false => ApiResults.Conflict(l["ReviewAlreadySubmitted"]),
                    true => Results.NoContent(),
                })
            .WithSummary("Removes an assignment whose review is not submitted");

        api.MapGet("/my/assignments", async Task<IResult> (ReviewService reviews, ClaimsPrincipal user, CancellationToken ct) =>
                Results.Ok((await reviews.MineAsync(ReviewAccess.Email(user), ct)).Select(a => new { a.Id, a.RoundId, a.Round, a.Title, a.ClosesAt, status = a.Status is { } s ? EnumText.Of(s) : "new" })))
            .RequireAuthorization()
            .WithSummary("The signed-in reviewer's assignments");

        api.MapGet("/assignments/{id:guid}", async Task<IResult> (Guid id, ReviewAccess access, ReviewService reviews, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (assignment, forbidden) = await access.AssignmentAsync(id, user, ct);
            if (assignment is null)
            {
                return forbidden ? Results.Forbid() : ApiResults.NotFound();
            }

            var view = await reviews.ViewAsync(assignment, ct);
            var r = view.Review;
            return Results.Ok(new
            {
                view.Round.Name, view.Round.ClosesAt, view.Round.Criteria, submission = view.Submission,
                review = r is null ? null : new { status = EnumText.Of(r.Status), r.Scores, r.Strengths, r.Suggestions, r.Transferability, r.UpdatedAt, r.SubmittedAt },
            });
        }).RequireAuthorization().WithSummary("An assignment: the model as submitted, the criteria and the review so far (the reviewer's own only)");

        api.MapPut("/assignments/{id:guid}/review", async Task<IResult> (Guid id, ReviewInput input, ReviewAccess access, ReviewService reviews, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
        {
            var (assignment, forbidden) = await access.AssignmentAsync(id, user, ct);
            if (assignment is null)
            {
                return forbidden ? Results.Forbid() : ApiResults.NotFound();
            }

            var (outcome, errors) = await reviews.SaveAsync(assignment, input, ct);
            return outcome switch
            {
                SaveOutcome.Saved or SaveOutcome.Submitted => Results.NoContent(),
                SaveOutcome.Invalid => ApiResults.Invalid(errors, shared),
                SaveOutcome.Closed => Results.Problem(detail: l["RoundClosed"], statusCode: StatusCodes.Status410Gone),
                SaveOutcome.NotOpenYet => ApiResults.Conflict(l["RoundNotOpenYet"]),
                _ => ApiResults.Conflict(l["ReviewAlreadySubmitted"]),
            };
        }).RequireAuthorization().WithSummary("Saves the review as a draft, or submits it with { submit: true } (every criterion scored, strengths and suggestions written)");

        api.MapGet("/submissions/{id:guid}/feedback", async Task<IResult> (Guid id, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (view, forbidden) = await feedback.ViewAsync(id, user, ct);
            return view is null
                ? forbidden ? Results.Forbid() : ApiResults.NotFound()
                : Results.Ok(new { view.Submission.Feedback, view.Submission.FeedbackReleasedAt, view.Reviews, view.Averages, view.Round.Criteria, view.Submission.RoundTableNotes, view.Submission.RoundTableOutcome });
        }).RequireAuthorization().WithSummary("The consolidated feedback and the reviews: coordinators any time, the project's managers after release");

        coordinator.MapPut("/submissions/{id:guid}/feedback", async Task<IResult> (Guid id, FeedbackInput input, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
                await feedback.SaveAsync(id, input.Feedback, user.UserId(), ct) ? Results.NoContent() : ApiResults.NotFound())
            .WithSummary("Writes the consolidated feedback (Markdown)");

        coordinator.MapPost("/submissions/{id:guid}/release", async Task<IResult> (Guid id, FeedbackService feedback, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
                await feedback.ReleaseAsync(id, user.UserId(), ct) switch
                {
                    ReleaseOutcome.Released => Results.NoContent(),
                    ReleaseOutcome.NotFound => ApiResults.NotFound(),
                    ReleaseOutcome.NoFeedback => Results.Problem(detail: l["FeedbackRequired"], statusCode: StatusCodes.Status400BadRequest),
                    _ => ApiResults.Conflict(l["AlreadyReleased"]),
                })
            .WithSummary("Releases the feedback to the project; publishes ModelPeerReviewed or ModelExpertReviewed");

        coordinator.MapPut("/submissions/{id:guid}/round-table", async Task<IResult> (Guid id, RoundTableInput input, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
                await feedback.RoundTableAsync(id, input.Notes, input.Outcome, user.UserId(), ct) ? Results.NoContent() : ApiResults.NotFound())
            .WithSummary("A round table's notes and outcome for one model");

        api.MapGet("/rounds/{id:guid}/statistics", async Task<IResult> (Guid id, PeerReviewDbContext db, CancellationToken ct) =>
                await RoundStatistics.ForAsync(db, id, ct) is { } s ? Results.Ok(s) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Monitoring)
            .WithSummary("Submissions, reviewers, reviews done, feedback released and the average score per criterion");
    }
}
