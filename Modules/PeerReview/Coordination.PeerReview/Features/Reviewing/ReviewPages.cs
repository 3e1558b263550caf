using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.Reviewing;

/// <summary>The review form of one assignment: the model as submitted, a score per criterion
/// with its rubric, the written parts; "save draft" and "submit".</summary>
internal sealed class ReviewPages : ICarterModule
{
    public sealed record ReviewModel(AssignmentView View, ReviewInput Input, FormErrors Errors, string? Saved, string? Problem);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
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
