using System.Globalization;

namespace Coordination.Surveys.Features.Results;

/// <summary>How the results page's parts write figures: two decimals, whole percents, a dash for none.</summary>
internal static class ResultFormat
{
    public static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : "–";

    public static string Percent(double? value) => value is { } v ? v.ToString("0 %", CultureInfo.CurrentCulture) : "–";
}
