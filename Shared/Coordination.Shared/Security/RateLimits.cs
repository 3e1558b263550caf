namespace Coordination.Shared.Security;

/// <summary>Rate-limiting policies endpoints name (configured by the host).</summary>
public static class RateLimits
{
    /// <summary>Forms the public may post without signing in (registrations, subscriptions):
    /// per client address, <c>Coordination:RateLimits:PublicFormsPerMinute</c> (default 30).</summary>
    public const string PublicForms = "public-forms";
}
