using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.People;

/// <summary>Invites a person to create a sign-in, with site roles that follow their roles here.</summary>
internal sealed class InvitationEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/membership/people/{id:guid}/invite", async Task<IResult> (Guid id, IFormCollection form, MembershipDbContext db, ProjectAccess access, IUserAccounts accounts, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await InviteAsync(id, db, access, accounts, user, clock, ct) switch
                {
                    StatusCodes.Status202Accepted => TypedResults.Redirect($"/membership/people/{id}?saved=invited"),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.NotFound(),
                })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();

        app.MapPost("/api/v1/membership/people/{id:guid}/invitation", async Task<Results<Accepted, ForbidHttpResult, ProblemHttpResult>> (Guid id, MembershipDbContext db, ProjectAccess access, IUserAccounts accounts, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await InviteAsync(id, db, access, accounts, user, clock, ct) switch
                {
                    StatusCodes.Status202Accepted => TypedResults.Accepted((string?)null),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.NotFound(),
                })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Membership")
            .WithSummary("E-mails the person a link to create a sign-in with the roles they hold (coordinators, or their project's managers)");
    }

    /// <summary>Site roles for directory roles: every person is a member (but a funder's observer
    /// who holds no other role only observes); coordinators coordinate, project managers manage,
    /// experts review.</summary>
    public static IReadOnlyCollection<string> SiteRoles(IEnumerable<PersonRoleKind> roles)
    {
        var list = roles.ToList();
        var result = new HashSet<string>();
        if (list.Count == 0 || list.Any(r => r != PersonRoleKind.FunderObserver))
        {
            result.Add(Roles.Member);
        }

        foreach (var role in list)
        {
            switch (role)
            {
                case PersonRoleKind.Coordinator:
                    result.Add(Roles.Coordinator);
                    break;
                case PersonRoleKind.ProjectManager:
                    result.Add(Roles.ProjectManager);
                    break;
                case PersonRoleKind.Expert:
                    result.Add(Roles.Reviewer);
                    break;
                case PersonRoleKind.FunderObserver:
                    result.Add(Roles.Funder);
                    break;
            }
        }

        return result;
    }

    private static async Task<int> InviteAsync(Guid id, MembershipDbContext db, ProjectAccess access, IUserAccounts accounts, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return StatusCodes.Status404NotFound;
        }

        if (!await PersonEndpoints.CanEditAsync(access, user, PersonEndpoints.Dto(person, null), ct))
        {
            return StatusCodes.Status403Forbidden;
        }

        var siteRoles = SiteRoles(person.Roles.Select(r => r.Role));
        if (siteRoles.Contains(Roles.Coordinator) && !ProjectAccess.IsCoordinator(user))
        {
            return StatusCodes.Status403Forbidden;
        }

        await accounts.InviteAsync(person.Email, person.Name, siteRoles, person.Language, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        person.InvitedAt = now;
        db.Audit(user.UserId(), "InvitePerson", nameof(Person), person.Id.ToString(), string.Join(",", siteRoles.Order()), now);
        await db.SaveChangesAsync(ct);
        return StatusCodes.Status202Accepted;
    }
}
