using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Organisations;

/// <summary>Organisations: list, page, form, and /api/v1/membership/organisations.</summary>
internal sealed class OrganisationEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record OrganisationDto(Guid Id, string Name, string? BusinessId, string Type, string? Language, string? Municipality);

    public sealed record ListModel(List<Organisation> Items, int Total, Paging Paging, string Query);

    public sealed record ProjectLink(Guid Id, string Name, bool IsLead);

    public sealed record PageModel(Organisation Organisation, List<ProjectLink> Projects, List<Person> People, string? Saved);

    public sealed record FormModel(Guid? Id, OrganisationInput Input, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/organisations").ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (string? q, int? page, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 30);
                var (items, total) = await QueryAsync(db, q, paging, ct);
                return new RazorComponentResult<OrganisationListPage>(new { Model = new ListModel(items, total, paging, q ?? "") });
            })
            .RequireAuthorization(Policies.NetworkMember);

        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, MembershipDbContext db, CancellationToken ct) =>
            {
                var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
                if (organisation is null)
                {
                    return TypedResults.NotFound();
                }

                var projects = await db.Projects.AsNoTracking()
                    .Where(p => p.LeadOrganisationId == id || p.Partners.Any(x => x.OrganisationId == id))
                    .OrderBy(p => p.Name)
                    .Select(p => new ProjectLink(p.Id, p.Name, p.LeadOrganisationId == id))
                    .ToListAsync(ct);
                var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == id && p.ErasedAt == null).OrderBy(p => p.Name).ToListAsync(ct);
                return new RazorComponentResult<OrganisationPage>(new { Model = new PageModel(organisation, projects, people, saved) });
            })
            .RequireAuthorization(Policies.NetworkMember);

        var forms = pages.MapGroup("").RequireAuthorization(Policies.Coordinator);
        forms.MapGet("/new", () => Form(null, new OrganisationInput(null, null, "educationProvider", "fi"), FormErrors.None));
        forms.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, MembershipDbContext db, CancellationToken ct) =>
            await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } o
                ? Form(id, OrganisationInput.From(o), FormErrors.None)
                : TypedResults.NotFound());
        forms.MapPost("/new", (IFormCollection form, OrganisationSaver saver, ClaimsPrincipal user, CancellationToken ct) => PostAsync(null, form, saver, user, ct));
        forms.MapPost("/{id:guid}/edit", (Guid id, IFormCollection form, OrganisationSaver saver, ClaimsPrincipal user, CancellationToken ct) => PostAsync(id, form, saver, user, ct));

        var api = app.MapGroup("/api/v1/membership/organisations").WithTags("Membership");
        api.MapGet("/", async Task<Ok<PagedResponse<OrganisationDto>>> (string? q, int? page, int? pageSize, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var (items, total) = await QueryAsync(db, q, paging, ct);
                return TypedResults.Ok(new PagedResponse<OrganisationDto>([.. items.Select(Dto)], paging.Page, paging.PageSize, total));
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Lists organisations; q searches names, business IDs and municipalities");
        api.MapGet("/{id:guid}", async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> (Guid id, MembershipDbContext db, CancellationToken ct) =>
                await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } o ? TypedResults.Ok(Dto(o)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Reads an organisation");
        api.MapPost("/", async Task<Results<Created<Created>, ValidationProblem>> (OrganisationInput input, OrganisationSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (id, errors) = await saver.SaveAsync(null, input, user.UserId(), ct);
                return id is { } created
                    ? TypedResults.Created($"/api/v1/membership/organisations/{created}", new Created(created))
                    : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Creates an organisation; the business ID is checked and must be unique");
        api.MapPut("/{id:guid}", async Task<Results<Ok<Created>, ValidationProblem, ProblemHttpResult>> (Guid id, OrganisationInput input, OrganisationSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (saved, errors) = await saver.SaveAsync(id, input, user.UserId(), ct);
                return saved is { } ok ? TypedResults.Ok(new Created(ok)) : errors.IsEmpty ? ApiResults.NotFound() : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Edits an organisation");
    }

    public static OrganisationDto Dto(Organisation o) => new(o.Id, o.Name, o.BusinessId, EnumText.Of(o.Type), o.Language, o.Municipality);

    private static async Task<IResult> PostAsync(Guid? id, IFormCollection form, OrganisationSaver saver, ClaimsPrincipal user, CancellationToken ct)
    {
        var input = OrganisationInput.From(form);
        var (saved, errors) = await saver.SaveAsync(id, input, user.UserId(), ct);
        if (saved is { } ok)
        {
            return TypedResults.Redirect($"/membership/organisations/{ok}?saved=1");
        }

        return errors.IsEmpty ? TypedResults.NotFound() : Form(id, input, errors, StatusCodes.Status400BadRequest);
    }

    private static IResult Form(Guid? id, OrganisationInput input, FormErrors errors, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<OrganisationFormPage>(new { Model = new FormModel(id, input, errors) }) { StatusCode = status };

    private static async Task<(List<Organisation>, int)> QueryAsync(MembershipDbContext db, string? q, Paging paging, CancellationToken ct)
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(o => o.Name.ToLower().Contains(term) || (o.BusinessId != null && o.BusinessId.Contains(term)) || (o.Municipality != null && o.Municipality.ToLower().Contains(term)));
        }

        var total = await query.CountAsync(ct);
        return (await query.OrderBy(o => o.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct), total);
    }
}
