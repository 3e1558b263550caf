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
using Coordination.PeerReview.Reviewers;

namespace Coordination.PeerReview.Features.AddReviewer;

/// <summary>Reviewers join a round in the API: named by the coordinator, or volunteering. (The
/// round page and the overview post their forms to their own slices, which re-show the page.)</summary>
internal sealed class AddReviewerEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/peer-review/rounds/{id:guid}").WithTags("PeerReview");
        api.MapPost("/reviewers", async Task<IResult> (Guid id, ReviewerInput input, ReviewerService reviewers, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            await reviewers.AddAsync(id, input, false, user.UserId(), ct) switch
            {
                null => ApiResults.NotFound(),
                ({ } reviewerId, _) => ApiResults.Created($"/api/v1/peer-review/rounds/{id}", reviewerId),
                (_, var errors) => ApiResults.Invalid(errors, shared),
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Names a reviewer: { personId } from the directory, or { name, email, projectId?, organisationIds? } for an outside expert; with conflictProjectIds and conflictOrganisationIds");

        api.MapPost("/volunteer", async Task<IResult> (Guid id, VolunteerInput? input, ReviewerService reviewers, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            await reviewers.VolunteerAsync(id, user.Email(), input ?? new VolunteerInput(), user.UserId(), ct) switch
            {
                null => ApiResults.NotFound(),
                ({ } reviewerId, _) => ApiResults.Created($"/api/v1/peer-review/rounds/{id}", reviewerId),
                (_, var errors) => ApiResults.Invalid(errors, shared),
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("The signed-in member volunteers as a reviewer (found in the directory by e-mail), declaring conflicts");
    }
}
