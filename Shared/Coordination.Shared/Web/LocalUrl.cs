namespace Coordination.Shared.Web;

/// <summary>Return URLs from a request: only paths of this site, so a link cannot send anyone elsewhere.</summary>
public static class LocalUrl
{
    public static string OrRoot(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
