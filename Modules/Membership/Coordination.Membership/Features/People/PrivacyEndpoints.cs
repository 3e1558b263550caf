using System.Security.Claims;
using System.Text.Json;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.People;

/// <summary>A person's rights under the GDPR: a copy of their data (JSON) and erasure
/// (anonymised in place, the sign-in removed, <see cref="PersonErased"/> for the other modules).</summary>
internal sealed class PrivacyEndpoints : ICarterModule
{
    public sealed record RoleExport(string Role, string? Project, string? Network);

    public sealed record PersonExport(
        Guid Id, string Name, string Email, string? Phone, string Language, string? Organisation, List<RoleExport> Roles,
        List<string> WorkingGroups, DateTime CreatedAt, DateTime UpdatedAt, DateTime? InvitedAt);

    public sealed record ErasePageModel(Guid Id, string Name);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/membership/people/{id:guid}/export", async Task<IResult> (Guid id, MembershipDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var person = await db.People.AsNoTracking().Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
                if (person is null)
                {
                    return ApiResults.NotFound();
                }

                // Coordinators, and the person themself: the sign-in invited as them, or one with their address.
                var own = user.PersonId() is { } linked
                    ? linked == person.Id
                    : string.Equals(user.Email(), person.Email, StringComparison.OrdinalIgnoreCase);
                if (!ProjectAccess.IsCoordinator(user) && !own)
                {
                    return TypedResults.Forbid();
                }

                var names = await PersonEndpoints.ScopeNamesAsync(db, person.Roles.Select(r => (r.ProjectId, r.NetworkId)), ct);
                var organisation = person.OrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
                var groups = await db.WorkingGroups.AsNoTracking().Where(g => g.MemberIds.Contains(person.Id)).Select(g => g.Name).ToListAsync(ct);
                var export = new PersonExport(
                    person.Id, person.Name, person.Email, person.Phone, person.Language, organisation,
                    [.. person.Roles.Select(r => new RoleExport(EnumText.Of(r.Role), r.ProjectId is { } p ? names.GetValueOrDefault($"project:{p}") : null, r.NetworkId is { } n ? names.GetValueOrDefault($"network:{n}") : null))],
                    groups,
                    person.CreatedAt, person.UpdatedAt, person.InvitedAt);
                return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(export, JsonSerializerOptions.Web), "application/json", $"person-{person.Id}.json");
            })
            .RequireAuthorization()
            .WithTags("Membership")
            .WithSummary("A copy of everything Membership keeps of a person (coordinators, or the person themself)");

        app.MapGet("/membership/people/{id:guid}/erase", async Task<IResult> (Guid id, MembershipDbContext db, CancellationToken ct) =>
                await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) is { } person
                    ? new RazorComponentResult<ErasePersonPage>(new { Model = new ErasePageModel(person.Id, person.Name) })
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapPost("/membership/people/{id:guid}/erase", async Task<IResult> (Guid id, IFormCollection form, PersonEraser eraser, ClaimsPrincipal user, CancellationToken ct) =>
                await eraser.EraseAsync(id, user.UserId(), ct) ? TypedResults.Redirect("/membership/people?erased=1") : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapDelete("/api/v1/membership/people/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, PersonEraser eraser, ClaimsPrincipal user, CancellationToken ct) =>
                await eraser.EraseAsync(id, user.UserId(), ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Membership")
            .WithSummary("Erases a person: anonymised here, sign-in removed, PersonErased published");
    }
}

/// <summary>Anonymises a person in one commit with the <see cref="PersonErased"/> event.</summary>
internal sealed class PersonEraser(MembershipDbContext db, IUserAccounts accounts, TimeProvider clock)
{
    public async Task<bool> EraseAsync(Guid id, string? userId, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return false;
        }

        var email = person.Email;
        var now = clock.GetUtcNow().UtcDateTime;
        person.Name = "–";
        person.Email = $"erased-{person.Id:N}";
        person.Phone = null;
        person.OrganisationId = null;
        person.Roles.Clear();
        person.ErasedAt = now;
        person.UpdatedAt = now;
        foreach (var group in await db.WorkingGroups.Where(g => g.MemberIds.Contains(person.Id)).ToListAsync(ct))
        {
            group.MemberIds.Remove(person.Id);
            db.Entry(group).Property(g => g.MemberIds).IsModified = true;
        }

        db.Publish(new PersonErased(person.Id, now), now);
        db.Audit(userId, "ErasePerson", nameof(Person), person.Id.ToString(), null, now);
        await db.SaveChangesAsync(ct);
        await accounts.DeletePersonAsync(person.Id, email, ct);
        return true;
    }
}
