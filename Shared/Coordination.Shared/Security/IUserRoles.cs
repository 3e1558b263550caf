using System.Security.Claims;

namespace Coordination.Shared.Security;

/// <summary>A sign-in as it is now, for requests that come without one (a calendar app fetching
/// a personal feed). Implemented by the host's identity.</summary>
public interface IUserRoles
{
    /// <summary>The sign-in <paramref name="userId"/> with the claims a site sign-in would carry now
    /// (roles, directory person); a principal with no identity if it no longer exists or is
    /// locked out.</summary>
    Task<ClaimsPrincipal> CurrentUserAsync(string userId, CancellationToken cancellationToken);
}
