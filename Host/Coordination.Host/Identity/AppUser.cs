using Microsoft.AspNetCore.Identity;

namespace Coordination.Host.Identity;

/// <summary>A sign-in. The person's network data lives in Membership; this holds only what
/// signing in needs.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The directory person (Membership's id) this sign-in was invited as: the link that
    /// project access and the site roles follow, never the address alone.</summary>
    public Guid? PersonId { get; set; }
}
