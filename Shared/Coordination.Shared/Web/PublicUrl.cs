using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Coordination.Shared.Web;

/// <summary>The site's address for links that leave the request (e-mails, calendars).</summary>
public static class PublicUrl
{
    /// <summary><c>Coordination:PublicBaseUrl</c> when set, else the request's own scheme and host
    /// (empty without a request, e.g. in a job).</summary>
    public static string Base(IConfiguration configuration, HttpRequest? request)
        => configuration["Coordination:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/')
            : request is null ? ""
            : $"{request.Scheme}://{request.Host}";
}
