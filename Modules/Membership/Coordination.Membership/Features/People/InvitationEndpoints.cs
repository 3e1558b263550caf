using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.People;

/// <summary>Invites a person to create a sign-in, linked to their directory entry, with the site
/// roles their roles here give (<see cref="SiteRoles"/>). Coordinators invite anyone; a project
/// manager only people wholly inside their projects.</summary>
internal sealed class InvitationEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/membership/people/{id:guid}/invite", async Task<IResult> (Guid id, IFormCollection form, MembershipDbContext db, ProjectAccess access, IUserAccounts accounts, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await InviteAsync(id, db, access, accounts, user, clock, ct) switch
                {
                    StatusCodes.Status202Accepted => TypedResults.Redirect($"/membership/people/{id}?saved=invited"),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    StatusCodes.Status409Conflict => TypedResults.Conflict(),
                    _ => TypedResults.NotFound(),
                })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();

        app.MapPost("/api/v1/membership/people/{id:guid}/invitation", async Task<Results<Accepted, ForbidHttpResult, ProblemHttpResult>> (Guid id, MembershipDbContext db, ProjectAccess access, IUserAccounts accounts, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
                await InviteAsync(id, db, access, accounts, user, clock, ct) switch
                {
                    StatusCodes.Status202Accepted => TypedResults.Accepted((string?)null),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    StatusCodes.Status409Conflict => ApiResults.Conflict(l["AddressHasOtherSignIn"]),
                    _ => ApiResults.NotFound(),
                })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Membership")
            .WithSummary("E-mails the person a link to create a sign-in with the roles they hold (coordinators, or the managers of every project the person has a role in)");
    }

    private static async Task<int> InviteAsync(Guid id, MembershipDbContext db, ProjectAccess access, IUserAccounts accounts, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return StatusCodes.Status404NotFound;
        }

        if (!ProjectAccess.IsCoordinator(user) && !ProjectAccess.ManagesWholly(person.Roles.Select(r => (r.Role, r.ProjectId)), await access.ManagedProjectsAsync(user, ct)))
        {
            return StatusCodes.Status403Forbidden;
        }

        var siteRoles = SiteRoles.For(person.Roles.Select(r => r.Role));
        if (!await accounts.InvitePersonAsync(person.Id, person.Email, person.Name, [.. siteRoles], person.Language, ct))
        {
            return StatusCodes.Status409Conflict;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        person.InvitedAt = now;
        db.Audit(user.UserId(), "InvitePerson", nameof(Person), person.Id.ToString(), string.Join(",", siteRoles.Order()), now);
        await db.SaveChangesAsync(ct);
        return StatusCodes.Status202Accepted;
    }
}
