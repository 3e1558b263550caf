using Microsoft.Extensions.Configuration;

namespace Coordination.Shared.Web;

/// <summary>The site's address for links that leave the request (e-mails, calendars, feeds):
/// <c>Coordination:PublicBaseUrl</c> only. A request's Host header can be forged (reset-link
/// poisoning) and jobs have no request, so no link is ever built from a request. The host
/// refuses to start without it, except in Development (<see cref="DevelopmentDefault"/>).</summary>
public static class PublicUrl
{
    public const string Key = "Coordination:PublicBaseUrl";

    public const string DevelopmentDefault = "http://localhost:5000";

    /// <summary>The configured address without a trailing slash, e.g. https://koordinaatio.example.fi.</summary>
    public static string Base(IConfiguration configuration)
        => configuration[Key] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : throw new InvalidOperationException(Problem(null));

    /// <summary>The host name of the address (for Message-IDs and allowed hosts).</summary>
    public static string Host(IConfiguration configuration) => new Uri(Base(configuration)).Host;

    /// <summary>Why <paramref name="value"/> cannot be the public address, or null when it can.</summary>
    public static string? Problem(string? value)
        => string.IsNullOrWhiteSpace(value)
            ? "Coordination__PublicBaseUrl is not set. Set it to the site's public address, e.g. https://koordinaatio.example.fi: every link in e-mails and calendars is built from it, never from a request's Host header."
            : !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0
                ? $"Coordination__PublicBaseUrl '{value}' is not an http(s) address such as https://koordinaatio.example.fi."
                : null;
}
