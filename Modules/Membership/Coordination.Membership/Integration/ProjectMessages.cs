using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Shared.Localization;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Integration;

/// <summary>What the project events carry, for the slices that publish them and for the republisher.</summary>
internal static class ProjectMessages
{
    /// <summary>The lead first, then partners by name, as the events carry them.</summary>
    public static async Task<List<ProjectOrganisation>> OrganisationsOfAsync(MembershipDbContext db, Project project, CancellationToken ct)
    {
        var ids = project.Partners.Select(p => p.OrganisationId).Append(project.LeadOrganisationId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return [.. organisations
            .OrderByDescending(o => o.Id == project.LeadOrganisationId).ThenBy(o => o.Name, StringComparer.Create(FinnishFormat.Finnish, true))
            .Select(o => new ProjectOrganisation(o.Id, o.Name, o.BusinessId, o.Id == project.LeadOrganisationId))];
    }
}
