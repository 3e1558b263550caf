using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Coordination.Shared.Localization;

/// <summary>Texts that count something: "1 malli" but "2 mallia", "1 modell" but "0 modeller".
/// A count text is two resource keys, <c>Name_One</c> and <c>Name_Other</c>; in both <c>{0}</c> is
/// the number (the one-form may leave it out: "joka päivä", "every day") and <c>{1}</c>… are the
/// other values. See docs/GLOSSARY.md.</summary>
/// <remarks>Hand-written because no ICU MessageFormat library is served by the package registry
/// here, and Finnish, Swedish and English need only two forms.</remarks>
public static class Plurals
{
    public const string OneSuffix = "_One";
    public const string OtherSuffix = "_Other";

    /// <summary>The key suffix of a number's plural category. Finnish (the neutral resources),
    /// Swedish and English share CLDR's cardinal rule: "one" for exactly 1, "other" for everything
    /// else, 0 included. A language with more categories would need its own rule here.</summary>
    public static string Suffix(long count) => count == 1 ? OneSuffix : OtherSuffix;

    /// <summary>The count text <paramref name="key"/> for <paramref name="count"/> in the current UI
    /// language, with the number as {0} and <paramref name="args"/> as {1}, {2}…</summary>
    public static string Plural(this IStringLocalizer localizer, string key, long count, params object?[] args)
    {
        var text = localizer[key + Suffix(count)];
        return string.Format(CultureInfo.CurrentCulture, text.Value, [Number(count), .. args]);
    }

    /// <summary>A count as the language writes it: from five digits in groups of three ("12 345" with
    /// a no-break space in Finnish and Swedish, "12,345" in English), four digits and fewer as they
    /// are ("1000"), as the Finnish and Swedish language offices recommend.</summary>
    private static string Number(long count)
        => Math.Abs(count) >= 10_000 ? count.ToString("N0", CultureInfo.CurrentCulture) : count.ToString(CultureInfo.CurrentCulture);
}
