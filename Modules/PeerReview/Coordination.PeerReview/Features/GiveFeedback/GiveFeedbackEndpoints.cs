using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.PeerReview.Feedback;

namespace Coordination.PeerReview.Features.GiveFeedback;

/// <summary>The consolidated feedback in the API: read, write, release to the project, and a
/// round table's notes. (The submission page posts its forms to its own slice.)</summary>
internal sealed class GiveFeedbackEndpoints : ICarterModule
{
    public sealed record FeedbackInput(string? Feedback);

    public sealed record RoundTableInput(string? Notes, string? Outcome);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/peer-review/submissions/{id:guid}").WithTags("PeerReview");
        api.MapGet("/feedback", async Task<IResult> (Guid id, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (view, forbidden) = await feedback.ViewAsync(id, user, ct);
            return view is null
                ? forbidden ? Results.Forbid() : ApiResults.NotFound()
                : Results.Ok(new { view.Submission.Feedback, view.Submission.FeedbackReleasedAt, view.Reviews, view.Averages, view.Round.Criteria, view.Submission.RoundTableNotes, view.Submission.RoundTableOutcome });
        }).RequireAuthorization().WithSummary("The consolidated feedback and the reviews: coordinators any time, the project's managers after release");

        var coordinator = api.MapGroup("").RequireAuthorization(Policies.Coordinator);
        coordinator.MapPut("/feedback", async Task<IResult> (Guid id, FeedbackInput input, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
                await feedback.SaveAsync(id, input.Feedback, user.UserId(), ct) ? Results.NoContent() : ApiResults.NotFound())
            .WithSummary("Writes the consolidated feedback (Markdown)");

        coordinator.MapPost("/release", async Task<IResult> (Guid id, FeedbackService feedback, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
                await feedback.ReleaseAsync(id, user.UserId(), ct) switch
                {
                    ReleaseOutcome.Released => Results.NoContent(),
                    ReleaseOutcome.NotFound => ApiResults.NotFound(),
                    ReleaseOutcome.NoFeedback => Results.Problem(detail: l["FeedbackRequired"], statusCode: StatusCodes.Status400BadRequest),
                    _ => ApiResults.Conflict(l["AlreadyReleased"]),
                })
            .WithSummary("Releases the feedback to the project; publishes ModelPeerReviewed or ModelExpertReviewed");

        coordinator.MapPut("/round-table", async Task<IResult> (Guid id, RoundTableInput input, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
                await feedback.RoundTableAsync(id, input.Notes, input.Outcome, user.UserId(), ct) ? Results.NoContent() : ApiResults.NotFound())
            .WithSummary("A round table's notes and outcome for one model");
    }
}
