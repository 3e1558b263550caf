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
using Coordination.Membership.Projects;

namespace Coordination.Membership.Features.Projects;

/// <summary>Member projects: list, project page, form, and /api/v1/membership/projects.</summary>
internal sealed class ProjectEndpoints : ICarterModule
{
    public sealed record Saved(Guid Id, int Version);

    public sealed record ProjectDto(
        Guid Id, Guid NetworkId, string Name, string? Acronym, string? FundingDecisionNumber, Guid LeadOrganisationId,
        List<Guid> PartnerOrganisationIds, DateOnly StartDate, DateOnly EndDate, decimal GrantedAmount, decimal OwnFinancing,
        decimal? OwnFinancingShare, List<Guid> ThemeIds, string Status, int Version, List<BudgetLineDto> Budget, string? CallCaseNumber = null);

    /// <summary>A line of the project's own budget (the organisations' lines are in its plan).</summary>
    public sealed record BudgetLineDto(string Category, decimal Amount, string? Description = null);

    public sealed record ListItem(Guid Id, string Name, string? Acronym, Guid NetworkId, DateOnly StartDate, DateOnly EndDate, ProjectStatus Status);

    public sealed record ListModel(List<ListItem> Items, int Total, Paging Paging, string Query, Guid? NetworkId, List<Network> Networks);

    public sealed record FormModel(Guid? Id, ProjectInput Input, FormErrors Errors, List<Network> Networks, List<Organisation> Organisations, List<NetworkTheme> Themes, bool Conflict);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/projects").ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (string? q, Guid? networkId, int? page, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 30);
                var (items, total) = await QueryAsync(db, q, networkId, paging, ct);
                var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NormalizedName).ToListAsync(ct);
                return new RazorComponentResult<ProjectListPage>(new { Model = new ListModel(items, total, paging, q ?? "", networkId, networks) });
            })
            .RequireAuthorization(Policies.NetworkMember);

        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, ProjectPageQuery query, ClaimsPrincipal user, CancellationToken ct) =>
                await query.LoadAsync(id, user, saved, ct) is { } model
                    ? new RazorComponentResult<ProjectPage>(new { Model = model })
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember);

        pages.MapGet("/new", async (Guid? networkId, MembershipDbContext db, CancellationToken ct) =>
                await FormAsync(db, null, new ProjectInput(networkId, null, null, null, null, [], null, null, null, null), FormErrors.None, ct))
            .RequireAuthorization(Policies.Coordinator);
        pages.MapPost("/new", (IFormCollection form, ProjectSaver saver, IValidator<ProjectInput> validator, MembershipDbContext db, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
                PostAsync(null, form, saver, validator, db, user, l, ct))
            .RequireAuthorization(Policies.Coordinator);
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var project = await db.Projects.AsNoTracking().Include(p => p.Partners).SingleOrDefaultAsync(p => p.Id == id, ct);
                if (project is null)
                {
                    return TypedResults.NotFound();
                }

                return await access.CanEditProjectAsync(user, id, ct) ? await FormAsync(db, id, ProjectInput.From(project), FormErrors.None, ct) : TypedResults.Forbid();
            })
            .RequireAuthorization(Policies.NetworkMember);
        pages.MapPost("/{id:guid}/edit", (Guid id, IFormCollection form, ProjectSaver saver, IValidator<ProjectInput> validator, MembershipDbContext db, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
                PostAsync(id, form, saver, validator, db, user, l, ct))
            .RequireAuthorization(Policies.NetworkMember);

        var api = app.MapGroup("/api/v1/membership/projects").WithTags("Membership");
        api.MapGet("/", async Task<Ok<PagedResponse<ListItem>>> (string? q, Guid? networkId, int? page, int? pageSize, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var (items, total) = await QueryAsync(db, q, networkId, paging, ct);
                return TypedResults.Ok(new PagedResponse<ListItem>(items, paging.Page, paging.PageSize, total));
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Lists projects, optionally of one network; q searches names, acronyms and decision numbers");
        api.MapGet("/{id:guid}", async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> (Guid id, MembershipDbContext db, CancellationToken ct) =>
                await db.Projects.AsNoTracking().Include(p => p.Partners).Include(p => p.Budget).SingleOrDefaultAsync(p => p.Id == id, ct) is { } p
                    ? TypedResults.Ok(Dto(p) with { CallCaseNumber = await db.Plans.Where(x => x.ProjectId == id).Select(x => x.CallCaseNumber).SingleOrDefaultAsync(ct) })
                    : ApiResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Reads a project with its partners, financing and budget, its funding decision number and the call's case number (from its plan)");
        api.MapPost("/", async Task<Results<Created<Saved>, ValidationProblem, ForbidHttpResult>> (ProjectInput input, ProjectSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var result = await saver.SaveAsync(null, input, user, ct);
                return result.Outcome switch
                {
                    ProjectSaveOutcome.Saved => TypedResults.Created($"/api/v1/membership/projects/{result.Id}", new Saved(result.Id, result.Version)),
                    ProjectSaveOutcome.Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.Invalid(result.Errors, shared),
                };
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Adds a project to a network; publishes ProjectJoinedNetwork");
        api.MapPut("/{id:guid}", async Task<Results<Ok<Saved>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (Guid id, ProjectInput input, ProjectSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var result = await saver.SaveAsync(id, input, user, ct);
                return result.Outcome switch
                {
                    ProjectSaveOutcome.Saved => TypedResults.Ok(new Saved(result.Id, result.Version)),
                    ProjectSaveOutcome.NotFound => ApiResults.NotFound(),
                    ProjectSaveOutcome.Forbidden => TypedResults.Forbid(),
                    ProjectSaveOutcome.Conflict => ApiResults.Conflict(l["EditConflict"]),
                    _ => ApiResults.Invalid(result.Errors, shared),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Edits a project (coordinators, or its project managers); send the version you read");
    }

    public static ProjectDto Dto(Project p) => new(
        p.Id, p.NetworkId, p.Name, p.Acronym, p.FundingDecisionNumber, p.LeadOrganisationId, [.. p.Partners.Select(x => x.OrganisationId)],
        p.StartDate, p.EndDate, p.GrantedAmount, p.OwnFinancing, Project.OwnShare(p.GrantedAmount, p.OwnFinancing), p.ThemeIds,
        EnumText.Of(p.Status), p.Version, [.. p.Budget.Where(b => b.OrganisationId == null).OrderBy(b => b.Position).Select(b => new BudgetLineDto(b.Category, b.Amount, b.Description))]);

    private static async Task<IResult> PostAsync(Guid? id, IFormCollection form, ProjectSaver saver, IValidator<ProjectInput> validator, MembershipDbContext db, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct)
    {
        var formatErrors = new FormErrors();
        var input = ProjectInput.From(form, formatErrors, l);
        if (!formatErrors.IsEmpty)
        {
            // A date or amount that did not parse: nothing is saved; show it with the other errors.
            var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
            errors.Merge(formatErrors);
            return await FormAsync(db, id, input, errors, ct, StatusCodes.Status400BadRequest);
        }

        var result = await saver.SaveAsync(id, input, user, ct);
        return result.Outcome switch
        {
            ProjectSaveOutcome.Saved => TypedResults.Redirect($"/membership/projects/{result.Id}?saved=1"),
            ProjectSaveOutcome.NotFound => TypedResults.NotFound(),
            ProjectSaveOutcome.Forbidden => TypedResults.Forbid(),
            ProjectSaveOutcome.Conflict => await FormAsync(db, id, input, FormErrors.None, ct, StatusCodes.Status409Conflict, conflict: true),
            _ => await FormAsync(db, id, input, result.Errors, ct, StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> FormAsync(MembershipDbContext db, Guid? id, ProjectInput input, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK, bool conflict = false)
    {
        var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NormalizedName).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        var themes = input.NetworkId is { } networkId ? await db.Themes.AsNoTracking().Where(t => t.NetworkId == networkId).ToListAsync(ct) : [];
        return new RazorComponentResult<ProjectFormPage>(new { Model = new FormModel(id, input, errors, networks, organisations, themes, conflict) }) { StatusCode = status };
    }

    private static async Task<(List<ListItem>, int)> QueryAsync(MembershipDbContext db, string? q, Guid? networkId, Paging paging, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking();
        if (networkId is { } n)
        {
            query = query.Where(p => p.NetworkId == n);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(term) || (p.Acronym != null && p.Acronym.ToLower().Contains(term)) || (p.FundingDecisionNumber != null && p.FundingDecisionNumber.Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize)
            .Select(p => new ListItem(p.Id, p.Name, p.Acronym, p.NetworkId, p.StartDate, p.EndDate, p.Status)).ToListAsync(ct);
        return (items, total);
    }
}
