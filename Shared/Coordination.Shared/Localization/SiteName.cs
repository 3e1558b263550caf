using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Configuration;

namespace Coordination.Shared.Localization;

/// <summary>The site's name in the current UI language, for page titles and e-mail subjects:
/// <c>Coordination:SiteName:fi</c>, <c>:sv</c>, <c>:en</c> from configuration, else the
/// <c>SiteName</c> text of SharedStrings (Koordinaatio, Koordinering, Coordination).</summary>
public static class SiteName
{
    private static readonly ResourceManager Texts = new(typeof(SharedStrings).FullName!, typeof(SharedStrings).Assembly);

    public static string Current(IConfiguration configuration)
    {
        var configured = configuration[$"Coordination:SiteName:{SupportedCultures.CurrentLanguage}"];
        return string.IsNullOrWhiteSpace(configured) ? Texts.GetString("SiteName", CultureInfo.CurrentUICulture)! : configured.Trim();
    }
}
