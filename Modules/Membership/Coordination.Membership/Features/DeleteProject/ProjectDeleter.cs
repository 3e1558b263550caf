using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.DeleteProject;

/// <summary>Deletes a project with everything Membership keeps only for it — partners, plan,
/// budget, goals, commitment letters and the roles people held in it — in one commit that
/// publishes <see cref="ProjectDeleted"/>, and <see cref="PersonUpdated"/> for each person who
/// lost a role. Organisations and people stay in the directory.</summary>
internal sealed class ProjectDeleter(MembershipDbContext db, TimeProvider clock)
{
    public sealed record Consequences(int Goals, int Letters, int BudgetLines, int People, bool HasPlan);

    /// <summary>What deleting the project takes with it, for the confirmation page.</summary>
    public async Task<Consequences> ConsequencesAsync(Guid id, CancellationToken ct) => new(
        await db.Goals.CountAsync(g => g.ProjectId == id, ct),
        await db.CommitmentLetters.CountAsync(l => l.ProjectId == id, ct),
        await db.BudgetLines.CountAsync(b => b.ProjectId == id, ct),
        await db.PersonRoles.Where(r => r.ProjectId == id).Select(r => r.PersonId).Distinct().CountAsync(ct),
        await db.Plans.AnyAsync(p => p.ProjectId == id, ct));

    public async Task<bool> DeleteAsync(Guid id, string? userId, CancellationToken ct)
    {
        var project = await db.Projects.Include(p => p.Partners).Include(p => p.Budget).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var people = await db.People.Include(p => p.Roles).Where(p => p.Roles.Any(r => r.ProjectId == id)).ToListAsync(ct);
        foreach (var person in people)
        {
            person.Roles.RemoveAll(r => r.ProjectId == id);
            person.UpdatedAt = now;
            if (person.ErasedAt is null)
            {
                var roles = person.Roles.Select(r => new PersonRole(EnumText.Of(r.Role), r.ProjectId, r.NetworkId)).ToList();
                db.Publish(new PersonUpdated(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, roles, now), now);
            }
        }

        // Goals refer to their project without a foreign key (a goal may be the network's).
        db.Goals.RemoveRange(await db.Goals.Where(g => g.ProjectId == id).ToListAsync(ct));
        db.CommitmentLetters.RemoveRange(await db.CommitmentLetters.Where(l => l.ProjectId == id).ToListAsync(ct));
        if (await db.Plans.SingleOrDefaultAsync(p => p.ProjectId == id, ct) is { } plan)
        {
            db.Plans.Remove(plan);
        }

        db.Projects.Remove(project);
        db.Publish(new ProjectDeleted(project.Id, project.NetworkId, project.Name, now), now);
        db.Audit(userId, "DeleteProject", nameof(Project), project.Id.ToString(), project.Name, now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
