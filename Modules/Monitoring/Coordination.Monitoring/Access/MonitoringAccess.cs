using System.Security.Claims;
using Coordination.Monitoring.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Access;

/// <summary>Who sees what in Monitoring. Coordinators see every network and project. A funder's
/// observer sees the networks where their directory entry (found by the sign-in's e-mail) holds
/// the funderObserver role — its indicators and reports, nothing else. A project manager sees and
/// marks the reporting dates of the projects they manage.</summary>
internal sealed class MonitoringAccess(MonitoringDbContext db)
{
    public const string FunderObserverRole = "funderObserver";
    public const string ProjectManagerRole = "projectManager";

    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);


    /// <summary>The networks <paramref name="user"/> may read indicators and reports of, by name.</summary>
    public async Task<List<NetworkFact>> NetworksAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var networks = db.Networks.AsNoTracking();
        if (!IsCoordinator(user))
        {
            var given = await GivenNetworksAsync(user, ct);
            networks = networks.Where(n => given.Contains(n.NetworkId));
        }

        return await networks.OrderBy(n => n.NameFi).ToListAsync(ct);
    }

    public async Task<NetworkFact?> NetworkAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.NetworkId == id, ct);
        return network is not null && (IsCoordinator(user) || (await GivenNetworksAsync(user, ct)).Contains(id)) ? network : null;
    }

    /// <summary>The projects <paramref name="user"/> manages (empty but for project managers).</summary>
    public async Task<List<Guid>> ManagedProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.Email();
        if (email is null || !user.IsInRole(Roles.ProjectManager))
        {
            return [];
        }

        return await RolesOf(email).Where(r => r.Role == ProjectManagerRole && r.ProjectId != null).Select(r => r.ProjectId!.Value).Distinct().ToListAsync(ct);
    }

    public async Task<bool> CanMarkSubmittedAsync(ClaimsPrincipal user, Guid projectId, CancellationToken ct)
        => IsCoordinator(user) || (await ManagedProjectsAsync(user, ct)).Contains(projectId);

    private async Task<List<Guid>> GivenNetworksAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.Email();
        if (email is null || !user.IsInRole(Roles.Funder))
        {
            return [];
        }

        return await RolesOf(email).Where(r => r.Role == FunderObserverRole && r.NetworkId != null).Select(r => r.NetworkId!.Value).Distinct().ToListAsync(ct);
    }

    private IQueryable<PersonRoleFact> RolesOf(string email)
        => db.PersonRoles.AsNoTracking().Where(r => db.People.Any(p => p.PersonId == r.PersonId && p.Email == email && p.ErasedAt == null));
}
