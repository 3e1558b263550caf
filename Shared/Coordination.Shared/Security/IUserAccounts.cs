namespace Coordination.Shared.Security;

/// <summary>Sign-ins of the site, as modules may touch them: invite a person to create one,
/// remove one when the person's data is erased. Implemented by the host's identity.</summary>
public interface IUserAccounts
{
    /// <summary>Creates (or finds) the sign-in of <paramref name="email"/>, gives it the
    /// <paramref name="roles"/> and e-mails a link to choose a password, in <paramref name="language"/>.</summary>
    Task InviteAsync(string email, string name, IReadOnlyCollection<string> roles, string language, CancellationToken cancellationToken);

    /// <summary>Deletes the sign-in of <paramref name="email"/>, if there is one.</summary>
    Task DeleteAsync(string email, CancellationToken cancellationToken);
}
