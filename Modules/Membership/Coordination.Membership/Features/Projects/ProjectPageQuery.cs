using System.Security.Claims;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.Projects;

/// <summary>Everything the project page shows: partners with their commitment letters and
/// acceptance of the network's current rules, people, goals, budget.</summary>
internal sealed class ProjectPageQuery(MembershipDbContext db, ProjectAccess access, TimeProvider clock)
{
    public sealed record PartnerRow(Organisation Organisation, bool IsLead, CommitmentLetter? Letter, bool AcceptedRules);

    public sealed record PersonRow(Person Person, List<PersonRoleKind> Roles);

    public sealed record PageModel(
        Project Project, Network Network, List<PartnerRow> Partners, List<PersonRow> People, List<Goal> Goals,
        List<NetworkTheme> Themes, bool HasRules, bool CanEdit, bool IsCoordinator, DateTime Now, string? Saved, string? CallCaseNumber = null);

    public async Task<PageModel?> LoadAsync(Guid id, ClaimsPrincipal user, string? saved, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Partners).Include(p => p.Budget).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return null;
        }

        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == project.NetworkId, ct);
        var organisationIds = project.Partners.Select(p => p.OrganisationId).Append(project.LeadOrganisationId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToListAsync(ct);
        var letters = await db.CommitmentLetters.AsNoTracking().Where(l => l.ProjectId == id).ToDictionaryAsync(l => l.OrganisationId, ct);
        var currentRules = await db.Rules.AsNoTracking().Where(r => r.NetworkId == project.NetworkId).OrderByDescending(r => r.Number).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var accepted = currentRules is null ? [] : await db.RulesAcceptances.Where(a => a.RulesId == currentRules).Select(a => a.OrganisationId).ToListAsync(ct);
        var partners = organisations
            .OrderByDescending(o => o.Id == project.LeadOrganisationId).ThenBy(o => o.Name)
            .Select(o => new PartnerRow(o, o.Id == project.LeadOrganisationId, letters.GetValueOrDefault(o.Id), accepted.Contains(o.Id)))
            .ToList();
        var roles = await db.PersonRoles.AsNoTracking().Where(r => r.ProjectId == id).ToListAsync(ct);
        var personIds = roles.Select(r => r.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.ProjectId == id).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().Where(t => project.ThemeIds.Contains(t.Id)).ToListAsync(ct);
        return new PageModel(
            project, network, partners,
            [.. people.Select(p => new PersonRow(p, [.. roles.Where(r => r.PersonId == p.Id).Select(r => r.Role)]))],
            goals, themes, currentRules is not null, await access.CanEditProjectAsync(user, id, ct), ProjectAccess.IsCoordinator(user),
            clock.GetUtcNow().UtcDateTime, saved, await db.Plans.Where(p => p.ProjectId == id).Select(p => p.CallCaseNumber).SingleOrDefaultAsync(ct));
    }
}
