namespace Coordination.Shared.Security;

/// <summary>Sign-ins of the site, as modules may touch them. Implemented by the host's identity.
/// A directory person's sign-in is the one invited as that person (linked by the person's id),
/// or, before any invitation, the one with the person's address.</summary>
public interface IUserAccounts
{
    /// <summary>Creates (or finds) the sign-in of <paramref name="email"/>, gives it the
    /// <paramref name="roles"/> and e-mails a link to choose a password, in <paramref name="language"/>.
    /// For people outside the directory (outside experts).</summary>
    Task InviteAsync(string email, string name, IReadOnlyCollection<string> roles, string language, CancellationToken cancellationToken);

    /// <summary>Invites a directory person: their sign-in (created when missing, linked to
    /// <paramref name="personId"/>) gets <paramref name="roles"/>, and a link to choose a password
    /// goes to the sign-in's own address. False when the address belongs to another person's sign-in.</summary>
    Task<bool> InvitePersonAsync(Guid personId, string email, string name, IReadOnlyCollection<string> roles, string language, CancellationToken cancellationToken);

    /// <summary>The id of the person's sign-in, or null when they have none.</summary>
    Task<string?> FindPersonAsync(Guid personId, string email, CancellationToken cancellationToken);

    /// <summary>Whether a sign-in other than <paramref name="exceptUserId"/> has <paramref name="email"/>.</summary>
    Task<bool> IsEmailTakenAsync(string email, string? exceptUserId, CancellationToken cancellationToken);

    /// <summary>Adds and removes site roles of a sign-in at once and says which it really added and
    /// removed. A removal ends every session and token of the sign-in, so no one keeps a role that
    /// was taken away.</summary>
    Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> ChangeRolesAsync(string userId, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken);

    /// <summary>Moves a sign-in to a new address (ending its sessions and tokens) and tells the old
    /// address, in <paramref name="language"/>.</summary>
    Task ChangeEmailAsync(string userId, string email, string name, string language, CancellationToken cancellationToken);

    /// <summary>Deletes the person's sign-in, if there is one.</summary>
    Task DeletePersonAsync(Guid personId, string email, CancellationToken cancellationToken);
}
