using System.Security.Claims;
using Carter;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Coordination.Surveys.Features.Closing;

/// <summary>Closing a survey before its window ends (the window also closes by itself).</summary>
internal sealed class ClosingEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/surveys/{id:guid}/close", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, SurveyCloser closer, ClaimsPrincipal user, CancellationToken ct) =>
                await closer.CloseNowAsync(id, user.UserId(), ct) is null ? ApiResults.NotFound() : TypedResults.NoContent())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Surveys")
            .WithSummary("Closes the survey now and publishes SurveyClosed with the summary (no-op when already closed)");
        app.MapPost("/surveys/{id:guid}/close", async Task<IResult> (Guid id, IFormCollection form, SurveyCloser closer, ClaimsPrincipal user, CancellationToken ct) =>
                await closer.CloseNowAsync(id, user.UserId(), ct) is null ? TypedResults.NotFound() : TypedResults.Redirect($"/surveys/{id}?saved=closed"))
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();
    }
}
