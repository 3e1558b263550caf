using System.Globalization;
using System.Security.Claims;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Home;

/// <summary>Membership's part of the home page for coordinators (every project) and project
/// managers (their own): goals not reviewed in six months, and partner organisations of running
/// projects whose commitment letter is missing or unsigned.</summary>
internal sealed class MembershipHomeSections(MembershipDbContext db, ProjectAccess access, TimeProvider clock, IStringLocalizer<MembershipStrings> l) : IHomeSectionSource
{
    private const int Shown = 10;

    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var coordinator = ProjectAccess.IsCoordinator(user);
        if (!coordinator && !user.IsInRole(Roles.ProjectManager))
        {
            return [];
        }

        var managed = coordinator ? null : (await access.ManagedProjectsAsync(user, cancellationToken)).ToList();
        if (managed is { Count: 0 })
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - Goal.ReviewInterval;
        var goals = db.Goals.AsNoTracking().Where(g => (g.LastReviewedAt ?? g.CreatedAt) < cutoff);
        var projects = db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Active || p.Status == ProjectStatus.Planned);
        if (managed is not null)
        {
            goals = goals.Where(g => g.ProjectId != null && managed.Contains(g.ProjectId.Value));
            projects = projects.Where(p => managed.Contains(p.Id));
        }

        var staleCount = await goals.CountAsync(cancellationToken);
        var stale = await goals.OrderBy(g => g.LastReviewedAt ?? g.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        var running = await projects.Include(p => p.Partners).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var projectNames = running.ToDictionary(p => p.Id, p => p.Acronym ?? p.Name);
        var ids = running.Select(p => p.Id).ToList();
        var letters = (await db.CommitmentLetters.AsNoTracking().Where(x => ids.Contains(x.ProjectId)).ToListAsync(cancellationToken))
            .ToDictionary(x => (x.ProjectId, x.OrganisationId));
        var organisationIds = running.SelectMany(p => p.Partners.Select(x => x.OrganisationId).Append(p.LeadOrganisationId)).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var lacking = running
            .SelectMany(p => p.Partners.Select(x => x.OrganisationId).Append(p.LeadOrganisationId).Distinct().Select(o => (Project: p, OrganisationId: o, Letter: letters.GetValueOrDefault((p.Id, o)))))
            .Where(x => x.Letter?.SignedOn is null)
            .ToList();

        return
        [
            new HomeSection("goals-to-review", l["HomeGoalsToReview"], [.. stale.Select(g => new HomeItem(
                    g.Objective.Length > 120 ? g.Objective[..117] + "…" : g.Objective,
                    $"/membership/goals/{g.Id}",
                    string.Format(CultureInfo.CurrentCulture, l["HomeGoalReviewed"], FinnishFormat.FormatDate(DateOnly.FromDateTime(HelsinkiTime.ToLocal(g.LastReviewedAt ?? g.CreatedAt)))),
                    Attention: true))],
                Order: 70, Empty: l["HomeNoGoalsToReview"], More: staleCount > Shown ? new HomeItem(l.Plural("HomeMoreGoals", staleCount), "/membership/networks") : null),
            new HomeSection("letters-unsigned", l["HomeLettersUnsigned"], [.. lacking.Take(Shown).Select(x => new HomeItem(
                    $"{projectNames[x.Project.Id]}: {organisations.GetValueOrDefault(x.OrganisationId)}",
                    $"/membership/projects/{x.Project.Id}/letters/{x.OrganisationId}",
                    x.Letter is null ? l["LetterMissing"] : l["SignatureMissing"],
                    Attention: true))],
                Order: 80, Empty: l["HomeNoLettersUnsigned"], More: lacking.Count > Shown ? new HomeItem(string.Format(CultureInfo.CurrentCulture, l["HomeMoreLetters"], lacking.Count), "/membership/projects") : null),
        ];
    }
}
