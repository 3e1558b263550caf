using System.Globalization;

namespace Coordination.Shared.Localization;

/// <summary>Finnish first, Swedish second, English third. Times are shown in Europe/Helsinki.</summary>
public static class SupportedCultures
{
    public const string Default = "fi";

    /// <summary>Neutral cultures, so that "sv-FI" or "sv-SE" from a client falls back to "sv".</summary>
    public static IReadOnlyList<string> Names { get; } = ["fi", "sv", "en"];

    public static bool IsSupported(string language) => Names.Contains(language);

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "sv" => "sv",
        "en" => "en",
        _ => "fi",
    };
}
