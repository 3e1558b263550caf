using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.Projects;

/// <summary>Daily: projects past their end date become ended and <see cref="ProjectEnded"/> is
/// published once for each (EndedAt marks it, in the same commit).</summary>
internal sealed class EndProjectsJob(MembershipDbContext db, TimeProvider clock) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = HelsinkiTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Projects.Where(p => p.EndedAt == null && p.EndDate < today).ToListAsync(cancellationToken);
        foreach (var project in due)
        {
            project.EndedAt = now;
            if (project.Status is ProjectStatus.Active or ProjectStatus.Planned)
            {
                project.Status = ProjectStatus.Ended;
            }

            db.Publish(new ProjectEnded(project.Id, project.NetworkId, project.Name, project.EndDate, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
