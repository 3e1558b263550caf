using System.Globalization;

namespace Coordination.Shared.Localization;

/// <summary>Finnish first, Swedish second, English third. Times are shown in Europe/Helsinki.</summary>
public static class SupportedCultures
{
    public const string Default = "fi";

    /// <summary>Neutral cultures, so that "sv-FI" or "sv-SE" from a client falls back to "sv".</summary>
    public static IReadOnlyList<string> Names { get; } = ["fi", "sv", "en"];

    /// <summary>Language code (fi, sv, en) to culture name.</summary>
    public static string? FromLanguage(string? language) => language?.ToLowerInvariant() switch
    {
        "fi" => "fi",
        "sv" => "sv",
        "en" => "en",
        _ => null,
    };

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "sv" => "sv",
        "en" => "en",
        _ => "fi",
    };
}
