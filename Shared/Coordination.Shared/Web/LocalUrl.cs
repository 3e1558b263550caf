namespace Coordination.Shared.Web;

/// <summary>Return URLs from a request: only paths of this site, so a link cannot send anyone elsewhere.</summary>
public static class LocalUrl
{
    /// <summary><paramref name="returnUrl"/> when it is a path of this site, else "/". Control
    /// characters make it not one: browsers drop a tab or a line break ("/\t/evil.example" is
    /// "//evil.example" to them), and ASP.NET refuses to redirect to them.</summary>
    public static string OrRoot(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl)
            && returnUrl.StartsWith('/')
            && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl)
                ? returnUrl
                : "/";
}
