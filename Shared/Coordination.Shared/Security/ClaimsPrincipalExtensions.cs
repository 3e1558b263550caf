using System.Security.Claims;
using Coordination.Shared.Security;

namespace Coordination.Shared.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id (for audit entries), or null.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
