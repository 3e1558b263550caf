using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.People;

/// <summary>The directory (network members only), a person's page and form, and
/// /api/v1/membership/people.</summary>
internal sealed class PersonEndpoints : ICarterModule
{
    public sealed record Saved(Guid Id);

    public sealed record RoleDto(string Role, Guid? ProjectId, Guid? NetworkId);

    public sealed record PersonDto(Guid Id, string Name, string Email, string? Phone, Guid? OrganisationId, string? OrganisationName, string Language, List<RoleDto> Roles, DateTime? InvitedAt, bool NameGuessed = false);

    public sealed record DirectoryModel(List<PersonDto> Items, int Total, Paging Paging, string Query, string? Role, Guid? ProjectId, List<(Guid Id, string Name)> Projects);

    public sealed record ScopeOption(string Value, string Text);

    /// <summary>ContactsLocked: the contact details are a coordinator's to change (shown, not editable);
    /// RoleKinds: the roles this user may give.</summary>
    public sealed record FormModel(Guid? Id, PersonInput Input, FormErrors Errors, List<Organisation> Organisations, List<ScopeOption> Scopes, Dictionary<string, string> ScopeNames, bool ContactsLocked, List<string> RoleKinds);

    public sealed record PageModel(PersonDto Person, Dictionary<string, string> ScopeNames, bool CanEdit, bool CanInvite, bool IsCoordinator, string? Saved);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/people").ExcludeFromDescription().RequireAuthorization(Policies.NetworkMember);
        pages.MapGet("/", async Task<IResult> (string? q, string? role, Guid? projectId, int? page, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 50);
                var (items, total) = await DirectoryAsync(db, q, role, projectId, paging, ct);
                var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
                return new RazorComponentResult<DirectoryPage>(new { Model = new DirectoryModel(items, total, paging, q ?? "", role, projectId, [.. projects.Select(p => (p.Id, p.Name))]) });
            });
        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var person = await LoadAsync(db, id, ct);
                if (person is null)
                {
                    return TypedResults.NotFound();
                }

                var canEdit = await CanEditAsync(access, user, person, ct);
                var canInvite = ProjectAccess.IsCoordinator(user) || ProjectAccess.ManagesWholly(Kinds(person), await access.ManagedProjectsAsync(user, ct));
                return new RazorComponentResult<PersonPage>(new { Model = new PageModel(person, await ScopeNamesAsync(db, person.Roles.Select(r => (r.ProjectId, r.NetworkId)), ct), canEdit, canInvite, ProjectAccess.IsCoordinator(user), saved) });
            });
        pages.MapGet("/new", async (Guid? projectId, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                await FormAsync(db, access, user, null, new PersonInput(null, null, null, null, "fi", projectId is { } p ? [new RoleInput("contact", p, null)] : []), FormErrors.None, ct));
        pages.MapPost("/new", (IFormCollection form, PersonSaver saver, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                PostAsync(null, form, saver, db, access, user, ct));
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var person = await db.People.AsNoTracking().Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
                if (person is null)
                {
                    return TypedResults.NotFound();
                }

                return await CanEditAsync(access, user, Dto(person, null), ct) ? await FormAsync(db, access, user, id, PersonInput.From(person), FormErrors.None, ct) : TypedResults.Forbid();
            });
        pages.MapPost("/{id:guid}/edit", (Guid id, IFormCollection form, PersonSaver saver, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                PostAsync(id, form, saver, db, access, user, ct));

        var api = app.MapGroup("/api/v1/membership/people").WithTags("Membership").RequireAuthorization(Policies.NetworkMember);
        api.MapGet("/", async Task<Ok<PagedResponse<PersonDto>>> (string? q, string? role, Guid? projectId, int? page, int? pageSize, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize, 50);
                var (items, total) = await DirectoryAsync(db, q, role, projectId, paging, ct);
                return TypedResults.Ok(new PagedResponse<PersonDto>(items, paging.Page, paging.PageSize, total));
            })
            .WithSummary("The directory: q searches names and e-mail addresses; filter by role and project");
        api.MapGet("/{id:guid}", async Task<Results<Ok<PersonDto>, ProblemHttpResult>> (Guid id, MembershipDbContext db, CancellationToken ct) =>
                await LoadAsync(db, id, ct) is { } person ? TypedResults.Ok(person) : ApiResults.NotFound())
            .WithSummary("Reads a person");
        api.MapPost("/", async Task<Results<Created<Saved>, ValidationProblem, ForbidHttpResult>> (PersonInput input, PersonSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (outcome, id, errors) = await saver.SaveAsync(null, input, user, ct);
                return outcome switch
                {
                    PersonSaveOutcome.Saved => TypedResults.Created($"/api/v1/membership/people/{id}", new Saved(id)),
                    PersonSaveOutcome.Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .WithSummary("Adds a person (coordinators; project managers with roles in their own projects); publishes PersonRegistered");
        api.MapPut("/{id:guid}", async Task<Results<Ok<Saved>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (Guid id, PersonInput input, PersonSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (outcome, saved, errors) = await saver.SaveAsync(id, input, user, ct);
                return outcome switch
                {
                    PersonSaveOutcome.Saved => TypedResults.Ok(new Saved(saved)),
                    PersonSaveOutcome.NotFound => ApiResults.NotFound(),
                    PersonSaveOutcome.Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .WithSummary("Edits a person; publishes PersonUpdated");
    }

    /// <summary>The roles of <paramref name="person"/> as kinds and projects.</summary>
    public static IEnumerable<(PersonRoleKind Role, Guid? ProjectId)> Kinds(PersonDto person)
        => person.Roles.Select(r => (EnumText.TryParse<PersonRoleKind>(r.Role, out var kind) ? kind : PersonRoleKind.Coordinator, r.ProjectId));

    public static PersonDto Dto(Person p, string? organisationName)
        => new(p.Id, p.Name, p.Email, p.Phone, p.OrganisationId, organisationName, p.Language, [.. p.Roles.Select(r => new RoleDto(EnumText.Of(r.Role), r.ProjectId, r.NetworkId))], p.InvitedAt, p.NameGuessed);

    public static async Task<PersonDto?> LoadAsync(MembershipDbContext db, Guid id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return null;
        }

        var organisation = person.OrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return Dto(person, organisation);
    }

    public static async Task<bool> CanEditAsync(ProjectAccess access, ClaimsPrincipal user, PersonDto person, CancellationToken ct)
    {
        if (ProjectAccess.IsCoordinator(user))
        {
            return true;
        }

        var managed = await access.ManagedProjectsAsync(user, ct);
        return person.Roles.Any(r => r.ProjectId is { } p && managed.Contains(p));
    }

    /// <summary>"project:id" / "network:id" → name, for showing roles: of <paramref name="roles"/>
    /// only, or of every project and network (the form's choices) when null.</summary>
    public static async Task<Dictionary<string, string>> ScopeNamesAsync(MembershipDbContext db, IEnumerable<(Guid? ProjectId, Guid? NetworkId)>? roles, CancellationToken ct)
    {
        var projectIds = roles?.Where(r => r.ProjectId != null).Select(r => r.ProjectId!.Value).ToList();
        var networkIds = roles?.Where(r => r.NetworkId != null).Select(r => r.NetworkId!.Value).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds == null || projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var networks = await db.Networks.AsNoTracking().Where(n => networkIds == null || networkIds.Contains(n.Id)).ToListAsync(ct);
        return projects.Select(p => ($"project:{p.Id}", p.Name))
            .Concat(networks.Select(n => ($"network:{n.Id}", n.Name.InCurrentCulture().Text)))
            .ToDictionary(x => x.Item1, x => x.Item2);
    }

    private static async Task<IResult> PostAsync(Guid? id, IFormCollection form, PersonSaver saver, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        var input = PersonInput.From(form);
        var (outcome, saved, errors) = await saver.SaveAsync(id, input, user, ct);
        return outcome switch
        {
            PersonSaveOutcome.Saved => TypedResults.Redirect($"/membership/people/{saved}?saved=1"),
            PersonSaveOutcome.NotFound => TypedResults.NotFound(),
            PersonSaveOutcome.Forbidden => TypedResults.Forbid(),
            _ => await FormAsync(db, access, user, id, input, errors, ct, StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> FormAsync(MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, Guid? id, PersonInput input, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var coordinator = ProjectAccess.IsCoordinator(user);
        var managed = coordinator ? null : await access.ManagedProjectsAsync(user, ct);
        if (managed is { Count: 0 })
        {
            return TypedResults.Forbid();
        }

        var names = await ScopeNamesAsync(db, null, ct);
        var scopes = names
            .Where(n => managed is null || (n.Key.StartsWith("project:", StringComparison.Ordinal) && managed.Contains(Guid.Parse(n.Key[8..]))))
            .OrderBy(n => n.Key.StartsWith("network:", StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n.Value)
            .Select(n => new ScopeOption(n.Key, n.Value)).ToList();
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        var stored = await db.PersonRoles.AsNoTracking().Where(r => r.PersonId == id).Select(r => new { r.Role, r.ProjectId }).ToListAsync(ct);
        var locked = managed is not null && id is not null && !ProjectAccess.ManagesWholly(stored.Select(r => (r.Role, r.ProjectId)), managed);
        var kinds = Enum.GetValues<PersonRoleKind>().Where(k => coordinator || !SiteRoles.OnlyCoordinatorsGive(k)).Select(EnumText.Of).ToList();
        return new RazorComponentResult<PersonFormPage>(new { Model = new FormModel(id, input, errors, organisations, scopes, names, locked, kinds) }) { StatusCode = status };
    }

    private static async Task<(List<PersonDto>, int)> DirectoryAsync(MembershipDbContext db, string? q, string? role, Guid? projectId, Paging paging, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().Where(p => p.ErasedAt == null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.Email.Contains(term));
        }

        if (EnumText.TryParse<PersonRoleKind>(role, out var kind))
        {
            query = query.Where(p => p.Roles.Any(r => r.Role == kind && (projectId == null || r.ProjectId == projectId)));
        }
        else if (projectId is not null)
        {
            query = query.Where(p => p.Roles.Any(r => r.ProjectId == projectId));
        }

        var total = await query.CountAsync(ct);
        var people = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).Include(p => p.Roles).ToListAsync(ct);
        var organisationIds = people.Where(p => p.OrganisationId != null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return ([.. people.Select(p => Dto(p, p.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null))], total);
    }
}
