using System.Security.Claims;

namespace Coordination.Shared.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The claim that links a sign-in to its person in the directory (Membership's id),
    /// set when the person is invited.</summary>
    public const string PersonIdClaim = "coordination:person";

    /// <summary>The signed-in user's id (for audit entries), or null.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in user's e-mail address, trimmed and in lower case as every module
    /// keeps addresses, or null. The one place the claim is read, so comparisons agree.</summary>
    public static string? Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email)?.Trim().ToLowerInvariant();

    /// <summary>The directory person the sign-in was invited as, or null.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(PersonIdClaim), out var id) ? id : null;
}
