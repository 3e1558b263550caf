using System.Linq.Expressions;
using System.Security.Claims;
using Coordination.Events.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Access;

/// <summary>Who sees (and may register for) an event: public events everyone; network events the
/// network's people (not outside experts or funder observers); project-manager events project
/// managers and coordinators; steering-group events coordinators and the people who hold the
/// steering-group role of the event's network or of its project (Membership's roles, kept in
/// Events' people).</summary>
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

    /// <summary>The networks and projects whose steering group the signed-in person sits in (none
    /// without a directory person behind the sign-in).</summary>
    public static async Task<SteeringGroups> SteeringGroupsAsync(EventsDbContext db, ClaimsPrincipal user, CancellationToken ct)
        => user.PersonId() is { } personId
            ? await db.People.AsNoTracking().Where(p => p.PersonId == personId)
                  .Select(p => new SteeringGroups(p.SteeringGroupNetworkIds, p.SteeringGroupProjectIds)).SingleOrDefaultAsync(ct) ?? SteeringGroups.None
            : SteeringGroups.None;

    public static async Task<bool> CanSeeAsync(EventsDbContext db, Event e, ClaimsPrincipal user, CancellationToken ct)
        => CanSee(e.Audience, user)
           || (e.Audience == EventAudience.SteeringGroup && (await SteeringGroupsAsync(db, user, ct)).Admit(e));

    /// <summary>The events of <paramref name="events"/> that <paramref name="user"/> may see.</summary>
    public static async Task<IQueryable<Event>> VisibleAsync(IQueryable<Event> events, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct)
        => Visible(events, Audiences(user), await SteeringGroupsAsync(db, user, ct));

    /// <summary>The events of the given audiences, and the steering-group events of the given
    /// steering groups.</summary>
    public static IQueryable<Event> Visible(IQueryable<Event> events, List<EventAudience> audiences, SteeringGroups steering)
    {
        if (steering.IsEmpty)
        {
            return events.Where(AudienceIn(audiences));
        }

        var networks = steering.NetworkIds;
        var projects = steering.ProjectIds;
        return events.Where(e => audiences.Contains(e.Audience)
                                 || (e.Audience == EventAudience.SteeringGroup
                                     && (networks.Contains(e.NetworkId) || (e.ProjectId != null && projects.Contains(e.ProjectId.Value)))));
    }

    /// <summary><c>e.Audience == a1 || e.Audience == a2 …</c> with the audiences as constants: EF
    /// caches one SQL text per set of audiences, where a list parameter (<c>audiences.Contains</c>)
    /// made it generate the SQL again on every request.</summary>
    private static Expression<Func<Event, bool>> AudienceIn(List<EventAudience> audiences)
    {
        var e = Expression.Parameter(typeof(Event), "e");
        var audience = Expression.Property(e, nameof(Event.Audience));
        var body = audiences.Select(a => (Expression)Expression.Equal(audience, Expression.Constant(a)))
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Event, bool>>(body, e);
    }
}

/// <summary>The networks and projects whose steering group a person sits in. A steering-group
/// event admits its network's steering group and, when it belongs to a project, that project's.</summary>
internal sealed record SteeringGroups(List<Guid> NetworkIds, List<Guid> ProjectIds)
{
    public static SteeringGroups None => new([], []);

    public bool IsEmpty => NetworkIds.Count == 0 && ProjectIds.Count == 0;

    public bool Admit(Event e)
        => e.Audience == EventAudience.SteeringGroup
           && (NetworkIds.Contains(e.NetworkId) || (e.ProjectId is { } project && ProjectIds.Contains(project)));
}
