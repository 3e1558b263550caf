using System.Security.Claims;
using Coordination.Events.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Access;

/// <summary>Who sees (and may register for) an event: public events everyone; network events the
/// network's people (not outside experts or funder observers); project-manager events project
/// managers and coordinators; steering-group events coordinators and the people who hold the
/// steering-group role of the event's network (Membership's roles, kept in Events' people).</summary>
internal static class EventAccess
{
    /// <summary>What the site roles alone decide. A steering-group event needs the person's role
    /// in its network as well: see <see cref="CanSeeAsync"/>.</summary>
    public static bool CanSee(EventAudience audience, ClaimsPrincipal user) => audience switch
    {
        EventAudience.Public => true,
        EventAudience.Network => Roles.Network.Any(user.IsInRole),
        EventAudience.ProjectManagers => user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Coordinator),
        _ => user.IsInRole(Roles.Coordinator),
    };

    /// <summary>The audiences <paramref name="user"/> sees, for list queries.</summary>
    public static List<EventAudience> Audiences(ClaimsPrincipal user)
        => [.. Enum.GetValues<EventAudience>().Where(a => CanSee(a, user))];

    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    /// <summary>The networks whose steering group the signed-in person sits in (none without a
    /// directory person behind the sign-in).</summary>
    public static async Task<List<Guid>> SteeringGroupsAsync(EventsDbContext db, ClaimsPrincipal user, CancellationToken ct)
        => user.PersonId() is { } personId
            ? await db.People.AsNoTracking().Where(p => p.PersonId == personId).Select(p => p.SteeringGroupNetworkIds).SingleOrDefaultAsync(ct) ?? []
            : [];

    public static async Task<bool> CanSeeAsync(EventsDbContext db, Event e, ClaimsPrincipal user, CancellationToken ct)
        => CanSee(e.Audience, user)
           || (e.Audience == EventAudience.SteeringGroup && (await SteeringGroupsAsync(db, user, ct)).Contains(e.NetworkId));

    /// <summary>The events of <paramref name="events"/> that <paramref name="user"/> may see.</summary>
    public static async Task<IQueryable<Event>> VisibleAsync(IQueryable<Event> events, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var audiences = Audiences(user);
        var steering = await SteeringGroupsAsync(db, user, ct);
        return steering.Count == 0
            ? events.Where(e => audiences.Contains(e.Audience))
            : events.Where(e => audiences.Contains(e.Audience) || (e.Audience == EventAudience.SteeringGroup && steering.Contains(e.NetworkId)));
    }
}
