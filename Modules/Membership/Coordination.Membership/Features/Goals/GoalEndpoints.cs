using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Goals;

/// <summary>A goal of a network (coordinators) or a project (also its managers) in the funder's
/// four parts. <paramref name="Version"/> is required when editing.</summary>
internal sealed record GoalInput(Guid? NetworkId, Guid? ProjectId, string? FocusArea, string? Objective, string? Activities, string? Results, string? Monitoring, int? Version = null)
{
    public static GoalInput From(IFormCollection form)
        => new(form.Id("networkId"), form.Id("projectId"), form.Text("focusArea"), form.Text("objective"), form.Text("activities"), form.Text("results"), form.Text("monitoring"), form.Number("version"));

    public static GoalInput From(Goal g) => g.Adapt<GoalInput>(MembershipMappings.Config);
}

internal sealed class GoalInputValidator : AbstractValidator<GoalInput>
{
    public GoalInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        RuleFor(x => x).Must(x => (x.NetworkId is null) != (x.ProjectId is null)).WithName("projectId").WithMessage(_ => l["GoalOwnerRequired"]);
        RuleFor(x => x.Objective).NotEmpty().WithMessage(_ => string.Format(shared["Required"], l["Objective"]))
            .MaximumLength(4000).WithMessage(_ => shared.Plural("TooLong", 4000, l["Objective"]));
        RuleFor(x => x.FocusArea).MaximumLength(300).WithMessage(_ => shared.Plural("TooLong", 300, l["FocusArea"]));
        RuleFor(x => x.Activities).MaximumLength(8000).WithMessage(_ => shared.Plural("TooLong", 8000, l["Activities"]));
        RuleFor(x => x.Results).MaximumLength(8000).WithMessage(_ => shared.Plural("TooLong", 8000, l["Results"]));
        RuleFor(x => x.Monitoring).MaximumLength(8000).WithMessage(_ => shared.Plural("TooLong", 8000, l["Monitoring"]));
    }
}

internal sealed class GoalEndpoints : ICarterModule
{
    public sealed record Saved(Guid Id, int Version);

    public sealed record GoalDto(
        Guid Id, Guid? NetworkId, Guid? ProjectId, string? FocusArea, string Objective, string? Activities, string? Results, string? Monitoring,
        DateTime? LastReviewedAt, bool NeedsReview, int Version, List<RevisionDto> History);

    public sealed record RevisionDto(int Version, string? FocusArea, string Objective, string? Activities, string? Results, string? Monitoring, DateTime EditedAt);

    public sealed record FormModel(Guid? Id, GoalInput Input, FormErrors Errors, string OwnerName, bool Conflict);

    public sealed record PageModel(Goal Goal, string OwnerName, string OwnerLink, bool CanEdit, DateTime Now, string? Saved);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/goals").ExcludeFromDescription().RequireAuthorization(Policies.NetworkMember);
        pages.MapGet("/new", async Task<IResult> (Guid? projectId, Guid? networkId, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var input = new GoalInput(projectId is null ? networkId : null, projectId, null, null, null, null, null);
                return await CanWriteAsync(access, user, input, ct) is false ? TypedResults.Forbid()
                    : await OwnerAsync(db, input, ct) is { } owner ? Form(null, input, FormErrors.None, owner.Name)
                    : TypedResults.NotFound();
            });
        pages.MapPost("/new", (IFormCollection form, GoalSaver saver, MembershipDbContext db, ClaimsPrincipal user, CancellationToken ct) => PostAsync(null, form, saver, db, user, ct));
        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var goal = await db.Goals.AsNoTracking().Include(g => g.Revisions).SingleOrDefaultAsync(g => g.Id == id, ct);
                if (goal is null)
                {
                    return TypedResults.NotFound();
                }

                var input = GoalInput.From(goal);
                var owner = (await OwnerAsync(db, input, ct))!.Value;
                return new RazorComponentResult<GoalPage>(new { Model = new PageModel(goal, owner.Name, owner.Link, await CanWriteAsync(access, user, input, ct), clock.GetUtcNow().UtcDateTime, saved) });
            });
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
                if (goal is null)
                {
                    return TypedResults.NotFound();
                }

                var input = GoalInput.From(goal);
                return await CanWriteAsync(access, user, input, ct) ? Form(id, input, FormErrors.None, (await OwnerAsync(db, input, ct))!.Value.Name) : TypedResults.Forbid();
            });
        pages.MapPost("/{id:guid}/edit", (Guid id, IFormCollection form, GoalSaver saver, MembershipDbContext db, ClaimsPrincipal user, CancellationToken ct) => PostAsync(id, form, saver, db, user, ct));
        pages.MapPost("/{id:guid}/review", async Task<IResult> (Guid id, IFormCollection form, GoalSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
                await saver.ReviewAsync(id, user, ct) switch
                {
                    GoalOutcome.Saved => TypedResults.Redirect($"/membership/goals/{id}?saved=reviewed"),
                    GoalOutcome.Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.NotFound(),
                });

        var api = app.MapGroup("/api/v1/membership/goals").WithTags("Membership").RequireAuthorization(Policies.NetworkMember);
        api.MapGet("/", async Task<Ok<List<GoalDto>>> (Guid? projectId, Guid? networkId, bool? needsReview, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var query = db.Goals.AsNoTracking().Include(g => g.Revisions).AsQueryable();
                if (projectId is not null)
                {
                    query = query.Where(g => g.ProjectId == projectId);
                }

                if (networkId is not null)
                {
                    query = query.Where(g => g.NetworkId == networkId);
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var goals = (await query.OrderBy(g => g.CreatedAt).ToListAsync(ct)).Where(g => needsReview is null || g.NeedsReview(now) == needsReview);
                return TypedResults.Ok(goals.Select(g => Dto(g, now)).ToList());
            })
            .WithSummary("Goals of a project or network; needsReview=true lists those not reviewed in six months");
        api.MapGet("/{id:guid}", async Task<Results<Ok<GoalDto>, ProblemHttpResult>> (Guid id, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
                await db.Goals.AsNoTracking().Include(g => g.Revisions).SingleOrDefaultAsync(g => g.Id == id, ct) is { } g
                    ? TypedResults.Ok(Dto(g, clock.GetUtcNow().UtcDateTime))
                    : ApiResults.NotFound())
            .WithSummary("Reads a goal with its history of edits");
        api.MapPost("/", async Task<Results<Created<Saved>, ValidationProblem, ForbidHttpResult>> (GoalInput input, GoalSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (outcome, id, version, errors) = await saver.SaveAsync(null, input, user, ct);
                return outcome switch
                {
                    GoalOutcome.Saved => TypedResults.Created($"/api/v1/membership/goals/{id}", new Saved(id, version)),
                    GoalOutcome.Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .WithSummary("Adds a goal to a network or a project");
        api.MapPut("/{id:guid}", async Task<Results<Ok<Saved>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (Guid id, GoalInput input, GoalSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var (outcome, saved, version, errors) = await saver.SaveAsync(id, input, user, ct);
                return outcome switch
                {
                    GoalOutcome.Saved => TypedResults.Ok(new Saved(saved, version)),
                    GoalOutcome.Forbidden => TypedResults.Forbid(),
                    GoalOutcome.NotFound => ApiResults.NotFound(),
                    GoalOutcome.Conflict => ApiResults.Conflict(l["EditConflict"]),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .WithSummary("Edits a goal; the previous text goes to its history");
        api.MapPost("/{id:guid}/review", async Task<Results<NoContent, ProblemHttpResult, ForbidHttpResult>> (Guid id, GoalSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
                await saver.ReviewAsync(id, user, ct) switch
                {
                    GoalOutcome.Saved => TypedResults.NoContent(),
                    GoalOutcome.Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.NotFound(),
                })
            .WithSummary("Marks the goal reviewed today");
    }

    public static GoalDto Dto(Goal g, DateTime now) => new(
        g.Id, g.NetworkId, g.ProjectId, g.FocusArea, g.Objective, g.Activities, g.Results, g.Monitoring, g.LastReviewedAt, g.NeedsReview(now), g.Version,
        [.. g.Revisions.OrderByDescending(r => r.Version).Select(r => new RevisionDto(r.Version, r.FocusArea, r.Objective, r.Activities, r.Results, r.Monitoring, r.EditedAt))]);

    public static async Task<bool> CanWriteAsync(ProjectAccess access, ClaimsPrincipal user, GoalInput input, CancellationToken ct)
        => ProjectAccess.IsCoordinator(user) || (input.ProjectId is { } p && await access.CanEditProjectAsync(user, p, ct));

    public static async Task<(string Name, string Link)?> OwnerAsync(MembershipDbContext db, GoalInput input, CancellationToken ct)
    {
        if (input.ProjectId is { } p)
        {
            return await db.Projects.Where(x => x.Id == p).Select(x => x.Name).SingleOrDefaultAsync(ct) is { } name ? (name, $"/membership/projects/{p}") : null;
        }

        if (input.NetworkId is { } n)
        {
            return await db.Networks.AsNoTracking().SingleOrDefaultAsync(x => x.Id == n, ct) is { } network ? (network.Name.InCurrentCulture().Text, $"/membership/networks/{n}") : null;
        }

        return null;
    }

    private static async Task<IResult> PostAsync(Guid? id, IFormCollection form, GoalSaver saver, MembershipDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var input = GoalInput.From(form);
        var (outcome, saved, _, errors) = await saver.SaveAsync(id, input, user, ct);
        var owner = (await OwnerAsync(db, input, ct))?.Name ?? "";
        return outcome switch
        {
            GoalOutcome.Saved => TypedResults.Redirect($"/membership/goals/{saved}?saved=1"),
            GoalOutcome.Forbidden => TypedResults.Forbid(),
            GoalOutcome.NotFound => TypedResults.NotFound(),
            GoalOutcome.Conflict => Form(id, input, FormErrors.None, owner, StatusCodes.Status409Conflict, conflict: true),
            _ => Form(id, input, errors, owner, StatusCodes.Status400BadRequest),
        };
    }

    private static RazorComponentResult<GoalFormPage> Form(Guid? id, GoalInput input, FormErrors errors, string owner, int status = StatusCodes.Status200OK, bool conflict = false)
        => new(new { Model = new FormModel(id, input, errors, owner, conflict) }) { StatusCode = status };
}
