using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Localization;

namespace Coordination.Host.Web.Culture;

/// <summary>The language switch: a plain link that stores the choice in a cookie (works
/// without JavaScript) and returns to the page.</summary>
internal sealed class CultureEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
        => app.MapGet("/culture/{language}", (string language, string? returnUrl, HttpResponse response) =>
            {
                if (!SupportedCultures.IsSupported(language))
                {
                    return Results.NotFound();
                }

                response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
