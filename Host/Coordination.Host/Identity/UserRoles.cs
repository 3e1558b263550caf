using Coordination.Shared.Security;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Host.Identity;

/// <summary>A sign-in's current roles for modules (see <see cref="IUserRoles"/>).</summary>
internal sealed class UserRoles(UserManager<AppUser> users) : IUserRoles
{
    public async Task<IReadOnlyList<string>> CurrentRolesAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null || await users.IsLockedOutAsync(user) ? [] : [.. await users.GetRolesAsync(user)];
    }
}
