using System.Security.Claims;
using Coordination.Dissemination.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Access;

/// <summary>Who may write a model: coordinators any; a project manager the models of the projects
/// their own directory entry (found by the sign-in's e-mail) manages. The network's own models
/// (no project) are the coordinators'.</summary>
internal sealed class ModelAccess(DisseminationDbContext db)
{
    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    public async Task<IReadOnlySet<Guid>> ManagedProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email)?.Trim().ToLowerInvariant();
        if (email is null || !user.IsInRole(Roles.ProjectManager))
        {
            return new HashSet<Guid>();
        }

        var people = await db.People.AsNoTracking().Where(p => p.Email == email).ToListAsync(ct);
        return people.SelectMany(p => p.ManagedProjects).ToHashSet();
    }

    /// <summary>The projects in which the user's directory entry (by the sign-in's e-mail) holds any role.</summary>
    public async Task<IReadOnlySet<Guid>> OwnProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email)?.Trim().ToLowerInvariant();
        if (email is null)
        {
            return new HashSet<Guid>();
        }

        var people = await db.People.AsNoTracking().Where(p => p.Email == email).ToListAsync(ct);
        return people.SelectMany(p => p.Projects).ToHashSet();
    }

    public async Task<bool> CanWriteAsync(ClaimsPrincipal user, Guid? projectId, CancellationToken ct)
        => IsCoordinator(user) || (projectId is { } p && (await ManagedProjectsAsync(user, ct)).Contains(p));
}
