using System.Globalization;
using Coordination.Host.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Identity;

/// <summary>Invitations and removal of sign-ins on behalf of modules (see <see cref="IUserAccounts"/>).</summary>
internal sealed class UserAccounts(
    UserManager<AppUser> users,
    IEmailSender email,
    IStringLocalizer<HostStrings> l,
    IConfiguration configuration,
    IHttpContextAccessor http) : IUserAccounts
{
    public async Task InviteAsync(string address, string name, IReadOnlyCollection<string> roles, string language, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(address);
        if (user is null)
        {
            user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(user));
        }

        var missing = roles.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, missing));
        }

        // The invitation is a password reset link: the same proven, expiring token flow.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{PublicUrl.Base(configuration, http.HttpContext?.Request)}/account/reset-password?email={Uri.EscapeDataString(address)}&token={Uri.EscapeDataString(token)}";
        using var culture = new CultureScope(language);
        await email.SendAsync(new EmailMessage(address, name, string.Format(CultureInfo.CurrentCulture, l["InviteMailSubject"], SiteName.Current(configuration)), string.Format(CultureInfo.CurrentCulture, l["InviteMailBody"], name, link)), cancellationToken);
    }

    public async Task DeleteAsync(string address, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(address) is { } user)
        {
            Check(await users.DeleteAsync(user));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
