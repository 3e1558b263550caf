using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Resources;
using Coordination.PeerReview.Reviews;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.WriteReview;

/// <summary>Writing a review: the reviewer's assignments, and the review of one assignment (the
/// model as submitted, a score per criterion with its rubric, the written parts; "save draft" and
/// "submit") in the API and the browser.</summary>
internal sealed class WriteReviewEndpoints : ICarterModule
{
    public sealed record ReviewModel(AssignmentView View, ReviewInput Input, FormErrors Errors, string? Saved, string? Problem);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/peer-review").WithTags("PeerReview").RequireAuthorization();
        api.MapGet("/my/assignments", async Task<IResult> (ReviewService reviews, ClaimsPrincipal user, CancellationToken ct) =>
                Results.Ok((await reviews.MineAsync(user.Email(), ct)).Select(a => new { a.Id, a.RoundId, a.Round, a.Title, a.ClosesAt, status = a.Status is { } s ? EnumText.Of(s) : "new" })))
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
        }).WithSummary("An assignment: the model as submitted, the criteria and the review so far (the reviewer's own only)");

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
        }).WithSummary("Saves the review as a draft, or submits it with { submit: true } (every criterion scored, strengths and suggestions written)");

        app.MapGet("/peer-review/assignments/{id:guid}", async Task<IResult> (Guid id, string? saved, ReviewAccess access, ReviewService reviews, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (assignment, forbidden) = await access.AssignmentAsync(id, user, ct);
                if (assignment is null)
                {
                    return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
                }

                var view = await reviews.ViewAsync(assignment, ct);
                var input = view.Review is { } r ? new ReviewInput(r.Scores, r.Strengths, r.Suggestions, r.Transferability) : new ReviewInput(null, null, null, null);
                return new RazorComponentResult<ReviewPage>(new { Model = new ReviewModel(view, input, FormErrors.None, saved, null) });
            })
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/peer-review/assignments/{id:guid}", async Task<IResult> (Guid id, IFormCollection form, ReviewAccess access, ReviewService reviews, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
            {
                var (assignment, forbidden) = await access.AssignmentAsync(id, user, ct);
                if (assignment is null)
                {
                    return forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
                }

                var view = await reviews.ViewAsync(assignment, ct);
                var scores = new Dictionary<string, int>();
                foreach (var c in view.Round.Criteria)
                {
                    if (int.TryParse(form.Text("score-" + c.Key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
                    {
                        scores[c.Key] = score;
                    }
                }

                var input = new ReviewInput(scores, form.Text("strengths"), form.Text("suggestions"), form.Text("transferability"), form.Text("action") == "submit");
                var (outcome, errors) = await reviews.SaveAsync(assignment, input, ct);
                return outcome switch
                {
                    SaveOutcome.Saved => TypedResults.Redirect($"/peer-review/assignments/{id}?saved=draft"),
                    SaveOutcome.Submitted => TypedResults.Redirect($"/peer-review/assignments/{id}?saved=submittedReview"),
                    SaveOutcome.Invalid => new RazorComponentResult<ReviewPage>(new { Model = new ReviewModel(view, input, errors, null, null) }) { StatusCode = 400 },
                    SaveOutcome.Closed => new RazorComponentResult<ReviewPage>(new { Model = new ReviewModel(view, input, errors, null, l["RoundClosed"]) }) { StatusCode = 410 },
                    SaveOutcome.NotOpenYet => new RazorComponentResult<ReviewPage>(new { Model = new ReviewModel(view, input, errors, null, l["RoundNotOpenYet"]) }) { StatusCode = 409 },
                    _ => new RazorComponentResult<ReviewPage>(new { Model = new ReviewModel(view, input, errors, null, l["ReviewAlreadySubmitted"]) }) { StatusCode = 409 },
                };
            })
            .RequireAuthorization().ExcludeFromDescription();
    }
}
