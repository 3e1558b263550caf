using System.Security.Claims;
using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Coordination.Surveys.Mailing;

namespace Coordination.Surveys.Features.ManageFollowUps;

/// <summary>Coordinators: the follow-up waves (/followups, GET /api/v1/followups?projectId=),
/// postpone, send now, skip with a reason, and a replacement recipient.</summary>
internal sealed class ManageFollowUpsEndpoints : ICarterModule
{
    public sealed record ListModel(Guid? ProjectId, List<FollowUpDto> Waves, Guid? ActiveWave, FormErrors Errors, string? Notice);

    public sealed record PostponeInput(string? DueOn);

    public sealed record SkipInput(string? Reason);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/followups").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("", async Task<IResult> (Guid? projectId, string? done, FollowUpManager manager, CancellationToken ct) =>
            Page(projectId, await manager.ListAsync(projectId, ct), null, FormErrors.None, done));
        // One route per action (a route parameter would answer 404, not 403, to the wrong role).
        foreach (var action in new[] { "postpone", "send", "skip", "recipients" })
        {
            pages.MapPost($"/waves/{{id:guid}}/{action}", async Task<IResult> (Guid id, IFormCollection form, FollowUpManager manager, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (outcome, errors) = await DoAsync(id, action, form, manager, user, ct);
                var projectId = form.Id("projectId");
                return outcome switch
                {
                    ManageOutcome.NotFound => TypedResults.NotFound(),
                    ManageOutcome.Invalid => Page(projectId, await manager.ListAsync(projectId, ct), id, errors, null, StatusCodes.Status400BadRequest),
                    _ => TypedResults.Redirect($"/followups?{(projectId is null ? "" : $"projectId={projectId}&")}done={action}"),
                };
            });
        }

        var api = app.MapGroup("/api/v1/followups").RequireAuthorization(Policies.Coordinator).WithTags("Surveys");
        api.MapGet("", async Task<IResult> (Guid? projectId, FollowUpManager manager, CancellationToken ct) => TypedResults.Ok(new { items = await manager.ListAsync(projectId, ct) }))
            .WithSummary("Follow-up waves (planned, running, finished, skipped) with their wave (months after the project's end) and due date");
        api.MapPost("/{id:guid}/postpone", async (Guid id, PostponeInput input, FollowUpManager manager, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                Api(await manager.PostponeAsync(id, input.DueOn, user, ct), shared))
            .WithSummary("Moves a planned wave to a later day: { dueOn: yyyy-MM-dd }");
        api.MapPost("/{id:guid}/send", async (Guid id, FollowUpManager manager, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                Api(await manager.SendNowAsync(id, user, ct), shared))
            .WithSummary("Sends a planned wave now");
        api.MapPost("/{id:guid}/skip", async (Guid id, SkipInput input, FollowUpManager manager, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                Api(await manager.SkipAsync(id, input.Reason, user, ct), shared))
            .WithSummary("Skips a planned wave: { reason } (required, audited)");
        api.MapPost("/{id:guid}/recipients", async Task<IResult> (Guid id, RecipientInput input, FollowUpManager manager, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                Api(await manager.AddRecipientAsync(id, input, user, ct), shared))
            .WithSummary("Sends a sent wave to another person of one of the project's organisations: { email, name, language, organisationId }");
    }

    private static Task<(ManageOutcome, FormErrors)> DoAsync(Guid id, string action, IFormCollection form, FollowUpManager manager, ClaimsPrincipal user, CancellationToken ct) => action switch
    {
        "postpone" => manager.PostponeAsync(id, form.Text("dueOn"), user, ct),
        "send" => manager.SendNowAsync(id, user, ct),
        "skip" => manager.SkipAsync(id, form.Text("reason"), user, ct),
        _ => manager.AddRecipientAsync(id, new RecipientInput(form.Text("email"), form.Text("name"), form.Text("language"), form.Id("organisationId")), user, ct),
    };

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Api((ManageOutcome Outcome, FormErrors Errors) result, IStringLocalizer<SharedStrings> shared) => result.Outcome switch
    {
        ManageOutcome.Done => TypedResults.NoContent(),
        ManageOutcome.NotFound => ApiResults.NotFound(),
        _ => ApiResults.Invalid(result.Errors, shared),
    };

    private static RazorComponentResult<FollowUpsPage> Page(Guid? projectId, List<FollowUpDto> waves, Guid? active, FormErrors errors, string? notice, int status = StatusCodes.Status200OK)
        => new(new { Model = new ListModel(projectId, waves, active, errors, notice) }) { StatusCode = status };
}
