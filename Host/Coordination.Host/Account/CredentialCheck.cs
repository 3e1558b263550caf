using Coordination.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Host.Account;

/// <summary>Checks an address and a password so that an unknown address, a wrong password and a
/// locked account cannot be told apart: the callers give one answer for all three, and the
/// password hasher runs in each case (an unknown address would otherwise answer at once).</summary>
internal sealed class CredentialCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    private static readonly AppUser Placeholder = new();
    private static string? _placeholderHash;

    /// <summary>The sign-in when the password is right and the account not locked, else null.</summary>
    public async Task<AppUser?> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            _placeholderHash ??= users.PasswordHasher.HashPassword(Placeholder, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
            _ = users.PasswordHasher.VerifyHashedPassword(Placeholder, _placeholderHash, password);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }
}
