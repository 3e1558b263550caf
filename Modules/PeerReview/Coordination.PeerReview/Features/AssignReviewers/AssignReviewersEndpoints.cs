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
using Coordination.PeerReview.Assigning;

namespace Coordination.PeerReview.Features.AssignReviewers;

/// <summary>Assignment in the API: automatic, by hand, and removing one whose review is not in.</summary>
internal sealed class AssignReviewersEndpoints : ICarterModule
{
    public sealed record ManualInput(Guid? SubmissionId, Guid? ReviewerId);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/peer-review").WithTags("PeerReview").RequireAuthorization(Policies.Coordinator);
        api.MapPost("/rounds/{id:guid}/assign", async Task<IResult> (Guid id, Assigner assigner, ClaimsPrincipal user, CancellationToken ct) =>
                await assigner.AssignAsync(id, user.UserId(), ct) is { } result ? Results.Ok(result) : ApiResults.NotFound())
            .WithSummary("Assigns reviewers automatically (keeps existing assignments): k per submission, never the model's own project or organisations or a declared conflict, loads balanced; explains submissions it could not fill");

        api.MapPost("/rounds/{id:guid}/assignments", async Task<IResult> (Guid id, ManualInput input, Assigner assigner, ClaimsPrincipal user, CancellationToken ct) =>
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

        api.MapDelete("/assignments/{id:guid}", async Task<IResult> (Guid id, Assigner assigner, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
                await assigner.RemoveAsync(id, user.UserId(), ct) switch
                {
                    null => ApiResults.NotFound(),
                    false => ApiResults.Conflict(l["ReviewAlreadySubmitted"]),
                    true => Results.NoContent(),
                })
            .WithSummary("Removes an assignment whose review is not submitted");
    }
}
