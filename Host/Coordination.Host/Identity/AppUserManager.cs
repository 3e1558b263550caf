using System.Security.Claims;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Identity;

/// <summary>Identity's user manager, with a lockout that ends every session and token of the
/// sign-in (Identity itself leaves them working while the account is locked).</summary>
internal sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var result = await base.AccessFailedAsync(user);
        return result.Succeeded && await IsLockedOutAsync(user) ? await UpdateSecurityStampAsync(user) : result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return result.Succeeded && await IsLockedOutAsync(user) ? await UpdateSecurityStampAsync(user) : result;
    }
}

/// <summary>Identity's claims, and the directory person the sign-in was invited as.</summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PersonId is { } personId)
        {
            identity.AddClaim(new Claim(ClaimsPrincipalExtensions.PersonIdClaim, personId.ToString()));
        }

        return identity;
    }
}
