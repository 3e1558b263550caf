using System.Globalization;
using Coordination.Host.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Identity;

/// <summary>Sign-ins on behalf of modules (see <see cref="IUserAccounts"/>). Their mails (the
/// invitation, the notice of a changed address) are queued in the identity database in the same
/// transaction as the change they tell of.</summary>
internal sealed class UserAccounts(
    UserManager<AppUser> users,
    IdentityDb db,
    TimeProvider clock,
    IStringLocalizer<HostStrings> l,
    IConfiguration configuration) : IUserAccounts
{
    public async Task InviteAsync(string address, string name, IReadOnlyCollection<string> roles, string language, CancellationToken cancellationToken)
    {
        // The user manager saves through this same scoped context, so its changes join the transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(address);
        if (user is null)
        {
            user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(user));
        }

        await AddRolesAndSendLinkAsync(user, name, roles, language, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> InvitePersonAsync(Guid personId, string address, string name, IReadOnlyCollection<string> roles, string language, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await FindAsync(personId, address);
        if (user is null)
        {
            if (await users.FindByEmailAsync(address) is not null)
            {
                return false; // the address is another person's sign-in
            }

            user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = name, PersonId = personId };
            Check(await users.CreateAsync(user));
        }
        else if (user.PersonId is null)
        {
            user.PersonId = personId;
            Check(await users.UpdateAsync(user));
        }

        await AddRolesAndSendLinkAsync(user, name, roles, language, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<string?> FindPersonAsync(Guid personId, string address, CancellationToken cancellationToken)
        => (await FindAsync(personId, address))?.Id;

    public async Task<bool> IsEmailTakenAsync(string address, string? exceptUserId, CancellationToken cancellationToken)
        => await users.FindByEmailAsync(address) is { } user && user.Id != exceptUserId;

    public async Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> ChangeRolesAsync(string userId, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No such sign-in.");
        var current = await users.GetRolesAsync(user);
        var adding = add.Except(current).ToList();
        var removing = remove.Intersect(current).ToList();
        if (adding.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, adding));
        }

        if (removing.Count > 0)
        {
            Check(await users.RemoveFromRolesAsync(user, removing));
            // A new stamp ends the sessions and tokens that still carry the old roles.
            Check(await users.UpdateSecurityStampAsync(user));
        }

        return (adding, removing);
    }

    public async Task ChangeEmailAsync(string userId, string address, string name, string language, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No such sign-in.");
        var old = user.Email!;
        Check(await users.SetEmailAsync(user, address));
        Check(await users.SetUserNameAsync(user, address));
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user));
        using (new CultureScope(language))
        {
            db.QueueMail(new EmailMessage(old, name, l["EmailChangedMailSubject"], string.Format(CultureInfo.CurrentCulture, l["EmailChangedMailBody"], name, PublicUrl.Base(configuration))), $"identity:email-changed:{user.Id}:{Guid.NewGuid():N}", clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeletePersonAsync(Guid personId, string address, CancellationToken cancellationToken)
    {
        if (await FindAsync(personId, address) is { } user)
        {
            Check(await users.DeleteAsync(user));
        }
    }

    /// <summary>The sign-in invited as the person, else an unlinked one with the person's address.</summary>
    private async Task<AppUser?> FindAsync(Guid personId, string address)
        => await db.Users.SingleOrDefaultAsync(u => u.PersonId == personId)
            ?? (await users.FindByEmailAsync(address) is { PersonId: null } unlinked ? unlinked : null);

    private async Task AddRolesAndSendLinkAsync(AppUser user, string name, IReadOnlyCollection<string> roles, string language, CancellationToken cancellationToken)
    {
        var missing = roles.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, missing));
        }

        // The invitation is a password reset link: the same proven, expiring token flow. It goes
        // to the sign-in's own address, never to another.
        var address = user.Email!;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{PublicUrl.Base(configuration)}/account/reset-password?email={Uri.EscapeDataString(address)}&token={Uri.EscapeDataString(token)}";
        using (new CultureScope(language))
        {
            db.QueueMail(new EmailMessage(address, name, string.Format(CultureInfo.CurrentCulture, l["InviteMailSubject"], SiteName.Current(configuration)), string.Format(CultureInfo.CurrentCulture, l["InviteMailBody"], name, link)), $"identity:invitation:{user.Id}:{Guid.NewGuid():N}", clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
