using System.Text.RegularExpressions;

namespace Coordination.Host.Web.Logging;

/// <summary>Keeps the secrets of links out of the logs, at every level and from every logger
/// (the host's "Request starting" lines, routing, static files, exceptions): query values named
/// token, code, key, secret, password or email, and every path segment that looks like a token
/// (24 or more URL-safe characters, not a GUID) — the personal links of password resets, surveys,
/// registrations, newsletters and calendar feeds.</summary>
internal static partial class SecretRedaction
{
    public const string Mask = "[redacted]";

    public static string Redact(string text)
        => text.Length < 24 && !text.Contains('=', StringComparison.Ordinal) ? text : Segment().Replace(Query().Replace(text, "$1" + Mask), Mask);

    public static object? Redact(object? value) => value switch
    {
        null => null,
        string text => Redact(text),
        _ when value.GetType().IsPrimitive || value is Guid or DateTime or DateTimeOffset or TimeSpan or decimal or Enum => value,
        _ => Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    [GeneratedRegex(@"([?&;](?:token|code|key|secret|password|email)=)[^&#\s""'<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex Query();

    [GeneratedRegex(@"(?<=/)(?![0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![A-Za-z0-9_-]))[A-Za-z0-9_%-]{24,}")]
    private static partial Regex Segment();
}
