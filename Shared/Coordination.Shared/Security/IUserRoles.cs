namespace Coordination.Shared.Security;

/// <summary>The site roles a sign-in holds now, for requests that come without one (a calendar
/// app fetching a personal feed). Implemented by the host's identity.</summary>
public interface IUserRoles
{
    /// <summary>The roles of the sign-in <paramref name="userId"/>; none if it no longer exists or
    /// is locked out.</summary>
    Task<IReadOnlyList<string>> CurrentRolesAsync(string userId, CancellationToken cancellationToken);
}
