using System.Globalization;

namespace Coordination.Shared.Localization;

/// <summary>Dates, amounts and sorting as Finnish users expect them.</summary>
public static class FinnishFormat
{
    /// <summary>A calendar date the Finnish way (31.1.2027), or "31 January 2027" in English.</summary>
    public static string FormatDate(DateOnly date, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return culture.TwoLetterISOLanguageName == "en" ? date.ToString("d MMMM yyyy", culture) : date.ToString("d.M.yyyy", culture);
    }

    /// <summary>Euros the Finnish way: 1 414 278 € (no decimals when whole).</summary>
    public static string FormatEuros(decimal amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var format = amount == decimal.Truncate(amount) ? "#,0" : "#,0.00";
        return amount.ToString(format, culture) + " €";
    }

    /// <summary>Finnish sort order (å, ä, ö after z).</summary>
    public static CultureInfo Finnish { get; } = CultureInfo.GetCultureInfo("fi");
}
