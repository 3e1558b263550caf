using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Integration;
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

namespace Coordination.Membership.Features.WorkingGroups;

/// <summary>A working group as entered.</summary>
internal sealed record GroupInput(Guid? NetworkId, string? Name, string? Theme, List<Guid>? MemberIds);

/// <summary>The coordinator's turn to hand over.</summary>
internal sealed record CoordinatorInput(Guid? PersonId);

/// <summary>Working (theme) groups: members and a coordinator who may rotate, with the history kept.</summary>
internal sealed class WorkingGroupEndpoints : ICarterModule
{
    public sealed record Saved(Guid Id);

    public sealed record TermDto(Guid PersonId, DateTime From, DateTime? To);

    public sealed record GroupDto(Guid Id, Guid NetworkId, string Name, string? Theme, List<Guid> MemberIds, Guid? CoordinatorId, List<TermDto> CoordinatorHistory);

    public sealed record PageModel(WorkingGroup Group, string NetworkName, Dictionary<Guid, string> Names, FormErrors Errors, string? Saved);

    public sealed record FormModel(Guid? Id, GroupInput Input, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/groups").ExcludeFromDescription();
        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, MembershipDbContext db, CancellationToken ct) =>
                await PageAsync(db, id, FormErrors.None, saved, ct) ?? TypedResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember);
        pages.MapGet("/new", (Guid networkId) => Form(null, new GroupInput(networkId, null, null, []), FormErrors.None))
            .RequireAuthorization(Policies.Coordinator);
        pages.MapPost("/new", async Task<IResult> (IFormCollection form, GroupSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var input = new GroupInput(form.Id("networkId"), form.Text("name"), form.Text("theme"), []);
                var (id, errors) = await saver.SaveAsync(null, input, user.UserId(), ct);
                return id is { } created ? TypedResults.Redirect($"/membership/groups/{created}?saved=1") : Form(null, input, errors, StatusCodes.Status400BadRequest);
            })
            .RequireAuthorization(Policies.Coordinator);
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, MembershipDbContext db, CancellationToken ct) =>
                await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) is { } g
                    ? Form(id, new GroupInput(g.NetworkId, g.Name, g.Theme, g.MemberIds), FormErrors.None)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coordinator);
        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, GroupSaver saver, MembershipDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var group = await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
                if (group is null)
                {
                    return TypedResults.NotFound();
                }

                var input = new GroupInput(group.NetworkId, form.Text("name"), form.Text("theme"), group.MemberIds);
                var (saved, errors) = await saver.SaveAsync(id, input, user.UserId(), ct);
                return saved is not null ? TypedResults.Redirect($"/membership/groups/{id}?saved=1") : Form(id, input, errors, StatusCodes.Status400BadRequest);
            })
            .RequireAuthorization(Policies.Coordinator);
        pages.MapPost("/{id:guid}/members", async Task<IResult> (Guid id, IFormCollection form, GroupSaver saver, MembershipDbContext db, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var group = await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
                if (group is null)
                {
                    return TypedResults.NotFound();
                }

                var members = group.MemberIds.ToList();
                if (form.Id("remove") is { } removed)
                {
                    members.Remove(removed);
                }
                else
                {
                    var email = form.Text("email")?.ToLowerInvariant();
                    var person = email is null ? null : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email && p.ErasedAt == null, ct);
                    if (person is null)
                    {
                        var errors = new FormErrors();
                        errors.Add("email", l["PersonNotFoundByEmail"]);
                        return (await PageAsync(db, id, errors, null, ct, StatusCodes.Status400BadRequest))!;
                    }

                    members.Add(person.Id);
                }

                await saver.SaveAsync(id, new GroupInput(group.NetworkId, group.Name, group.Theme, members), user.UserId(), ct);
                return TypedResults.Redirect($"/membership/groups/{id}?saved=1");
            })
            .RequireAuthorization(Policies.Coordinator);
        pages.MapPost("/{id:guid}/coordinator", async Task<IResult> (Guid id, IFormCollection form, GroupSaver saver, MembershipDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (found, errors) = await saver.RotateAsync(id, new CoordinatorInput(form.Id("personId")), user.UserId(), ct);
                return !found ? TypedResults.NotFound()
                    : errors.IsEmpty ? TypedResults.Redirect($"/membership/groups/{id}?saved=1")
                    : (await PageAsync(db, id, errors, null, ct, StatusCodes.Status400BadRequest))!;
            })
            .RequireAuthorization(Policies.Coordinator);

        var api = app.MapGroup("/api/v1/membership/groups").WithTags("Membership");
        api.MapGet("/", async Task<Ok<List<GroupDto>>> (Guid? networkId, MembershipDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.WorkingGroups.AsNoTracking().Include(g => g.CoordinatorTerms).Where(g => networkId == null || g.NetworkId == networkId).OrderBy(g => g.Name).ToListAsync(ct)).Select(Dto).ToList()))
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Working groups, optionally of one network");
        api.MapGet("/{id:guid}", async Task<Results<Ok<GroupDto>, ProblemHttpResult>> (Guid id, MembershipDbContext db, CancellationToken ct) =>
                await db.WorkingGroups.AsNoTracking().Include(g => g.CoordinatorTerms).SingleOrDefaultAsync(g => g.Id == id, ct) is { } g ? TypedResults.Ok(Dto(g)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Reads a working group with its coordinator history");
        api.MapPost("/", async Task<Results<Created<Saved>, ValidationProblem>> (GroupInput input, GroupSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (id, errors) = await saver.SaveAsync(null, input, user.UserId(), ct);
                return id is { } created ? TypedResults.Created($"/api/v1/membership/groups/{created}", new Saved(created)) : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Creates a working group");
        api.MapPut("/{id:guid}", async Task<Results<Ok<Saved>, ValidationProblem, ProblemHttpResult>> (Guid id, GroupInput input, GroupSaver saver, MembershipDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                if (!await db.WorkingGroups.AnyAsync(g => g.Id == id, ct))
                {
                    return ApiResults.NotFound();
                }

                var (saved, errors) = await saver.SaveAsync(id, input, user.UserId(), ct);
                return saved is { } ok ? TypedResults.Ok(new Saved(ok)) : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Edits a working group's name, theme and members");
        api.MapPut("/{id:guid}/coordinator", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, CoordinatorInput input, GroupSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (found, errors) = await saver.RotateAsync(id, input, user.UserId(), ct);
                return !found ? ApiResults.NotFound() : errors.IsEmpty ? TypedResults.NoContent() : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Hands the coordinator role to a member; the previous term is closed and kept");
    }

    public static GroupDto Dto(WorkingGroup g) => new(
        g.Id, g.NetworkId, g.Name, g.Theme, g.MemberIds, g.CoordinatorTerms.SingleOrDefault(t => t.To is null)?.PersonId,
        [.. g.CoordinatorTerms.OrderBy(t => t.From).Select(t => new TermDto(t.PersonId, t.From, t.To))]);

    private static async Task<IResult?> PageAsync(MembershipDbContext db, Guid id, FormErrors errors, string? saved, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var group = await db.WorkingGroups.AsNoTracking().Include(g => g.CoordinatorTerms).SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return null;
        }

        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == group.NetworkId, ct);
        var ids = group.MemberIds.Concat(group.CoordinatorTerms.Select(t => t.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new RazorComponentResult<WorkingGroupPage>(new { Model = new PageModel(group, network.Name.InCurrentCulture().Text, names, errors, saved) }) { StatusCode = status };
    }

    private static IResult Form(Guid? id, GroupInput input, FormErrors errors, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<WorkingGroupFormPage>(new { Model = new FormModel(id, input, errors) }) { StatusCode = status };
}
