using System.Globalization;

namespace Coordination.Shared.Localization;

/// <summary>Finnish first, Swedish second, English third. Times are shown in Europe/Helsinki.</summary>
public static class SupportedCultures
{
    public const string Default = "fi-FI";

    public static IReadOnlyList<string> Names { get; } = ["fi-FI", "sv-FI", "en-GB"];

    /// <summary>Language code (fi, sv, en) to culture name.</summary>
    public static string? FromLanguage(string? language) => language?.ToLowerInvariant() switch
    {
        "fi" => "fi-FI",
        "sv" => "sv-FI",
        "en" => "en-GB",
        _ => null,
    };

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "sv" => "sv",
        "en" => "en",
        _ => "fi",
    };
}
