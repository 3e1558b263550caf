using System.Security.Claims;
using Coordination.PeerReview.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Access;

/// <summary>Who sees what: coordinators everything; a reviewer (found by the sign-in's e-mail)
/// their own assignments; a project manager (directory entry with the same e-mail) their own
/// projects' submissions, and the feedback only once released.</summary>
internal sealed class ReviewAccess(PeerReviewDbContext db)
{
    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);


    public async Task<IReadOnlySet<Guid>> ManagedProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.Email();
        if (email is null || !user.IsInRole(Roles.ProjectManager))
        {
            return new HashSet<Guid>();
        }

        var people = await db.People.AsNoTracking().Where(p => p.Email == email).ToListAsync(ct);
        return people.SelectMany(p => p.ManagedProjects).ToHashSet();
    }

    /// <summary>The assignment when it is the signed-in reviewer's (or the user is a coordinator).</summary>
    public async Task<(Assignment? Assignment, bool Forbidden)> AssignmentAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var assignment = await db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return (null, false);
        }

        if (IsCoordinator(user))
        {
            return (assignment, false);
        }

        var email = user.Email();
        var mine = email is not null && await db.Reviewers.AnyAsync(r => r.Id == assignment.ReviewerId && r.Email == email, ct);
        return mine ? (assignment, false) : (null, true);
    }
}
