using Coordination.Membership.Data;
using Coordination.Shared.Security;

namespace Coordination.Membership.Access;

/// <summary>The site roles a person's directory roles give their sign-in, and which directory
/// roles only a coordinator gives or takes away.</summary>
internal static class SiteRoles
{
    /// <summary>Every person of the network is a member (also one without roles yet); an expert or a
    /// funder observer alone is not — they see their reviews, or the indicators. Coordinators
    /// coordinate, project managers manage, experts review, funder observers read the indicators.</summary>
    public static IReadOnlySet<string> For(IEnumerable<PersonRoleKind> roles)
    {
        var kinds = roles.ToList();
        var result = new HashSet<string>();
        if (kinds.Count == 0 || kinds.Any(k => k is not (PersonRoleKind.Expert or PersonRoleKind.FunderObserver)))
        {
            result.Add(Roles.Member);
        }

        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case PersonRoleKind.Coordinator:
                    result.Add(Roles.Coordinator);
                    break;
                case PersonRoleKind.ProjectManager:
                    result.Add(Roles.ProjectManager);
                    break;
                case PersonRoleKind.Expert:
                    result.Add(Roles.Reviewer);
                    break;
                case PersonRoleKind.FunderObserver:
                    result.Add(Roles.Funder);
                    break;
            }
        }

        return result;
    }

    /// <summary>Roles that open the whole site, reviews or the indicators: only coordinators give
    /// them, and only coordinators take them away.</summary>
    public static bool OnlyCoordinatorsGive(PersonRoleKind kind) => kind is PersonRoleKind.Coordinator or PersonRoleKind.Expert or PersonRoleKind.FunderObserver;
}
