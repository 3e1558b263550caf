using System.Security.Claims;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Access;

/// <summary>Who may write a project's data: coordinators any project, a project manager the
/// projects where the directory person their sign-in was invited as is project manager. The
/// link is the person's id in the sign-in, never an address: an address can be changed.</summary>
internal sealed class ProjectAccess(MembershipDbContext db)
{
    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    /// <summary>The projects <paramref name="user"/> manages (empty for everyone but project managers).</summary>
    public async Task<IReadOnlySet<Guid>> ManagedProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.PersonId() is not { } personId || !user.IsInRole(Roles.ProjectManager))
        {
            return new HashSet<Guid>();
        }

        var ids = await db.PersonRoles
            .Where(r => r.PersonId == personId && r.Role == PersonRoleKind.ProjectManager && r.ProjectId != null
                && db.People.Any(p => p.Id == personId && p.ErasedAt == null))
            .Select(r => r.ProjectId!.Value)
            .ToListAsync(ct);
        return ids.ToHashSet();
    }

    public async Task<bool> CanEditProjectAsync(ClaimsPrincipal user, Guid projectId, CancellationToken ct)
        => IsCoordinator(user) || (await ManagedProjectsAsync(user, ct)).Contains(projectId);

    /// <summary>Whether every role of the person lies in <paramref name="managed"/> projects and is
    /// one a project manager gives: only then are the person's contact details and invitation
    /// the project manager's to handle.</summary>
    public static bool ManagesWholly(IEnumerable<(PersonRoleKind Role, Guid? ProjectId)> roles, IReadOnlySet<Guid> managed)
    {
        var list = roles.ToList();
        return list.Count > 0 && list.All(r => r.ProjectId is { } p && managed.Contains(p) && !SiteRoles.OnlyCoordinatorsGive(r.Role));
    }
}
