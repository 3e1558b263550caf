using System.Security.Claims;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Access;

/// <summary>Who may write a project's data: coordinators any project, a project manager the
/// projects where their own directory entry (found by the sign-in's e-mail) is project manager.</summary>
internal sealed class ProjectAccess(MembershipDbContext db)
{
    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);


    /// <summary>The projects <paramref name="user"/> manages (empty for everyone but project managers).</summary>
    public async Task<IReadOnlySet<Guid>> ManagedProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email)?.Trim().ToLowerInvariant();
        if (email is null || !user.IsInRole(Roles.ProjectManager))
        {
            return new HashSet<Guid>();
        }

        var ids = await db.PersonRoles
            .Where(r => r.Role == PersonRoleKind.ProjectManager && r.ProjectId != null
                && db.People.Any(p => p.Id == r.PersonId && p.Email == email && p.ErasedAt == null))
            .Select(r => r.ProjectId!.Value)
            .ToListAsync(ct);
        return ids.ToHashSet();
    }

    public async Task<bool> CanEditProjectAsync(ClaimsPrincipal user, Guid projectId, CancellationToken ct)
        => IsCoordinator(user) || (await ManagedProjectsAsync(user, ct)).Contains(projectId);
}
