namespace Coordination.Host.Identity;

/// <summary>A browser session: the sign-in cookie holds only the key of this row. Signing out
/// deletes it, and it counts only while its sign-in keeps the security stamp it was made with,
/// so a password reset, a lockout, erasure or a revocation ends it at once.</summary>
public sealed class SignInSession
{
    /// <summary>SHA-256 of the cookie's key (hex): the table alone cannot be used as cookies.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public required string SecurityStamp { get; set; }

    /// <summary>The authentication ticket (<see cref="Microsoft.AspNetCore.Authentication.TicketSerializer"/>).</summary>
    public required byte[] Ticket { get; set; }

    public DateTime? ExpiresAt { get; set; }
}
