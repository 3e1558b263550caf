using System.Globalization;

namespace Coordination.Shared.Data;

/// <summary>
/// A text in Finnish (required), Swedish and English, stored side by side (an EF owned type).
/// </summary>
public sealed class LocalizedText
{
    public string Fi { get; set; } = "";

    public string? Sv { get; set; }

    public string? En { get; set; }

    public static LocalizedText Create(string fi, string? sv, string? en) => new()
    {
        Fi = fi.Trim(),
        Sv = string.IsNullOrWhiteSpace(sv) ? null : sv.Trim(),
        En = string.IsNullOrWhiteSpace(en) ? null : en.Trim(),
    };

    /// <summary>The text in <paramref name="culture"/>'s language, or the Finnish text with
    /// <see cref="LocalizedValue.IsFallback"/> set so the page can show the fallback.</summary>
    public LocalizedValue In(CultureInfo culture)
    {
        var language = culture.TwoLetterISOLanguageName;
        var text = language switch
        {
            "sv" => Sv,
            "en" => En,
            _ => Fi,
        };
        return string.IsNullOrWhiteSpace(text)
            ? new LocalizedValue(Fi, "fi", language != "fi")
            : new LocalizedValue(text, language is "sv" or "en" ? language : "fi", false);
    }

    public LocalizedValue InCurrentCulture() => In(CultureInfo.CurrentUICulture);

    /// <summary>Languages other than Finnish that lack this text.</summary>
    public IReadOnlyList<string> MissingLanguages()
        => [.. new[] { ("sv", Sv), ("en", En) }.Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1)];
}

/// <summary>A text picked for a culture; <paramref name="Language"/> is the language it is in.</summary>
public sealed record LocalizedValue(string Text, string Language, bool IsFallback)
{
    public override string ToString() => Text;
}
