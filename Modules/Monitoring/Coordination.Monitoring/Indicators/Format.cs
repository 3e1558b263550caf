using System.Globalization;

namespace Coordination.Monitoring.Indicators;

/// <summary>Figures in the reader's number format (Finnish: 1 234 and 12,5 %).</summary>
internal static class Format
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Share(double? value) => value is { } v ? v.ToString("P1", CultureInfo.CurrentCulture) : "–";

    public static string Date(DateOnly date) => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en"
        ? date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)
        : date.ToString("d.M.yyyy", CultureInfo.CurrentCulture);
}
