using System.Security.Claims;
using Carter;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Features.OpenSurvey;

/// <summary>Opening a draft survey: now, or at its opening time (scheduled).</summary>
internal sealed class OpenSurveyEndpoints : ICarterModule
{
    public sealed record Opened(string State, DateTime OpensAt, bool Changed, int InvitationsToSend);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/surveys/{id:guid}/open", async Task<Results<Ok<Opened>, ProblemHttpResult>> (Guid id, bool? scheduled, SurveyOpener opener, ClaimsPrincipal user, IStringLocalizer<SurveysStrings> l, CancellationToken ct) =>
                await opener.OpenAsync(id, scheduled == true, user.UserId(), ct) switch
                {
                    null => ApiResults.NotFound(),
                    { Closed: true } => ApiResults.Conflict(l["OpenClosed"]),
                    var o => TypedResults.Ok(new Opened(EnumText.Of(o.State), o.OpensAt, o.Opened, o.InvitationsToSend)),
                })
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Surveys")
            .WithSummary("Opens a draft survey now, or with scheduled=true at its opening time; its invitations then leave once. Already open: no change (changed: false); closed 409");
        app.MapPost("/surveys/{id:guid}/open", async Task<IResult> (Guid id, IFormCollection form, SurveyOpener opener, ClaimsPrincipal user, CancellationToken ct) =>
                await opener.OpenAsync(id, form.Text("when") == "scheduled", user.UserId(), ct) switch
                {
                    null => TypedResults.NotFound(),
                    { Opened: true, State: Data.SurveyState.Scheduled } => TypedResults.Redirect($"/surveys/{id}?saved=scheduled"),
                    { Opened: true } => TypedResults.Redirect($"/surveys/{id}?saved=opened"),
                    _ => TypedResults.Redirect($"/surveys/{id}"),
                })
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();
    }
}
