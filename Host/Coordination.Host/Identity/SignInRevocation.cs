using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Identity;

/// <summary>Ends every session and token of a sign-in: a new security stamp refuses them all
/// (sessions through <see cref="SessionStore"/>, tokens through <see cref="BearerStampCheck"/>).</summary>
internal sealed class SignInRevocation(UserManager<AppUser> users, IdentityDb db, TimeProvider clock)
{
    /// <summary>Revokes on a coordinator's request, audited. False when there is no such sign-in.</summary>
    public async Task<bool> RevokeAsync(string userId, string? byUserId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        Check(await users.UpdateSecurityStampAsync(user));
        await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
        db.Audit(byUserId, "RevokeSessions", user.Id, null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
