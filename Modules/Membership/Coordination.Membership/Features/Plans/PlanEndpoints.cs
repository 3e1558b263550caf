using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Plans;

/// <summary>A project's plan: the page (network members), the form (coordinators and the
/// project's managers) and <c>GET/PUT /api/v1/membership/projects/{id}/plan</c>.</summary>
internal sealed class PlanEndpoints : ICarterModule
{
    public sealed record Saved(int Version);

    public sealed record PageModel(PlanSaver.PlanDto Plan, Guid NetworkId, bool CanEdit, bool Saved);

    public sealed record FormModel(PlanSaver.PlanDto Plan, PlanInput Input, FormErrors Errors, bool Conflict);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/projects/{id:guid}/plan").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (Guid id, string? saved, PlanSaver saver, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                await saver.LoadAsync(id, ct) is { } plan
                    ? new RazorComponentResult<PlanPage>(new
                    {
                        Model = new PageModel(plan, await db.Projects.Where(p => p.Id == id).Select(p => p.NetworkId).SingleAsync(ct), await access.CanEditProjectAsync(user, id, ct), saved is not null),
                    })
                    : TypedResults.NotFound());
        pages.MapGet("/edit", async Task<IResult> (Guid id, PlanSaver saver, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (await saver.LoadAsync(id, ct) is not { } plan)
                {
                    return TypedResults.NotFound();
                }

                return await access.CanEditProjectAsync(user, id, ct) ? Form(plan, PlanSaver.InputOf(plan), FormErrors.None) : TypedResults.Forbid();
            });
        pages.MapPost("/edit", async Task<IResult> (Guid id, IFormCollection form, PlanSaver saver, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var formatErrors = new FormErrors();
                var input = PlanInput.From(form, formatErrors, l["AmountInvalid"]);
                if (await saver.LoadAsync(id, ct) is not { } plan)
                {
                    return TypedResults.NotFound();
                }

                var (outcome, _, errors) = formatErrors.IsEmpty ? await saver.SaveAsync(id, input, user, ct) : (PlanSaveOutcome.Invalid, 0, formatErrors);
                return outcome switch
                {
                    PlanSaveOutcome.Saved => TypedResults.Redirect($"/membership/projects/{id}/plan?saved=1"),
                    PlanSaveOutcome.NotFound => TypedResults.NotFound(),
                    PlanSaveOutcome.Forbidden => TypedResults.Forbid(),
                    PlanSaveOutcome.Conflict => Form(plan, input, FormErrors.None, StatusCodes.Status409Conflict, conflict: true),
                    _ => Form(plan, input, errors, StatusCodes.Status400BadRequest),
                };
            });

        var api = app.MapGroup("/api/v1/membership/projects/{id:guid}/plan").WithTags("Membership");
        api.MapGet("/", async Task<Results<Ok<PlanSaver.PlanDto>, ProblemHttpResult>> (Guid id, PlanSaver saver, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
                await saver.LoadAsync(id, ct) is { } plan ? TypedResults.Ok(plan) : ApiResults.NotFound(l["ProjectNotFound"]))
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Reads a project's plan as its funding application states it, under the funder's field names, with each organisation's work plan, indicators and budget lines");
        api.MapPut("/", async Task<Results<Ok<Saved>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (Guid id, PlanInput input, PlanSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var (outcome, version, errors) = await saver.SaveAsync(id, input, user, ct);
                return outcome switch
                {
                    PlanSaveOutcome.Saved => TypedResults.Ok(new Saved(version)),
                    PlanSaveOutcome.NotFound => ApiResults.NotFound(l["ProjectNotFound"]),
                    PlanSaveOutcome.Forbidden => TypedResults.Forbid(),
                    PlanSaveOutcome.Conflict => ApiResults.Conflict(l["PlanEditConflict"]),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Replaces a project's plan and budget lines (coordinators, or its project managers); send the version you read");
    }

    private static RazorComponentResult<PlanFormPage> Form(PlanSaver.PlanDto plan, PlanInput input, FormErrors errors, int status = StatusCodes.Status200OK, bool conflict = false)
        => new(new { Model = new FormModel(plan, input, errors, conflict) }) { StatusCode = status };
}
