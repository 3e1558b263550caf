using System.Security.Claims;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Host.Identity;

/// <summary>A sign-in as it is now, for modules (see <see cref="IUserRoles"/>): the same claims
/// factory as signing in, so a module applies the same rules as on the site.</summary>
internal sealed class UserRoles(UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims) : IUserRoles
{
    public async Task<ClaimsPrincipal> CurrentUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null || await users.IsLockedOutAsync(user) ? new ClaimsPrincipal(new ClaimsIdentity()) : await claims.CreateAsync(user);
    }
}
