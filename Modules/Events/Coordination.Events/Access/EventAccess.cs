using System.Security.Claims;
using Coordination.Events.Data;
using Coordination.Shared.Security;

namespace Coordination.Events.Access;

/// <summary>Who sees (and may register for) an event: public events everyone; network events the
/// network's people (not outside experts or funder observers); project-manager events project
/// managers and coordinators.</summary>
internal static class EventAccess
{
    public static bool CanSee(EventAudience audience, ClaimsPrincipal user) => audience switch
    {
        EventAudience.Public => true,
        EventAudience.Network => Roles.Network.Any(user.IsInRole),
        _ => user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Coordinator),
    };

    /// <summary>The audiences <paramref name="user"/> sees, for list queries.</summary>
    public static List<EventAudience> Audiences(ClaimsPrincipal user)
        => [.. Enum.GetValues<EventAudience>().Where(a => CanSee(a, user))];

    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

}
