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
using Coordination.PeerReview.Submissions;

namespace Coordination.PeerReview.Features.SubmitModel;

/// <summary>A model sent to review joins a round through the API.</summary>
internal sealed class SubmitModelEndpoint : ICarterModule
{
    public sealed record SubmitInput(Guid? ModelId);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/peer-review/rounds/{id:guid}/submissions", async Task<IResult> (Guid id, SubmitInput input, SubmissionService submissions, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
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
                SubmitOutcome.Created => ApiResults.Created($"/api/v1/peer-review/submissions/{submissionId}", submissionId!.Value),
                SubmitOutcome.RoundNotFound => ApiResults.NotFound(),
                SubmitOutcome.Forbidden => Results.Forbid(),
                SubmitOutcome.ModelNotRequested => ApiResults.NotFound(l["ModelNotRequested"]),
                _ => ApiResults.Conflict(l["Submit_" + outcome]),
            };
        }).RequireAuthorization(Policies.NetworkMember).WithTags("PeerReview")
            .WithSummary("Submits a model sent to review (ModelSubmittedForReview) to the round: coordinators, or the manager of the model's project; expert rounds take peer-reviewed models only");
    }
}
