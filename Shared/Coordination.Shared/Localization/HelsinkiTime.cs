using System.Globalization;

namespace Coordination.Shared.Localization;

/// <summary>Shows UTC instants as Helsinki wall-clock time in the Finnish way (22.2.2027 klo 9.05).</summary>
public static class HelsinkiTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone);

    public static string FormatDate(DateTime utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = ToLocal(utc);
        return culture.TwoLetterISOLanguageName == "en"
            ? local.ToString("d MMMM yyyy", culture)
            : local.ToString("d.M.yyyy", culture);
    }

    public static string FormatDateTime(DateTime utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = ToLocal(utc);
        return culture.TwoLetterISOLanguageName switch
        {
            "sv" => local.ToString("d.M.yyyy 'kl.' H.mm", culture),
            "en" => local.ToString("d MMMM yyyy 'at' HH:mm", culture),
            _ => local.ToString("d.M.yyyy 'klo' H.mm", culture),
        };
    }

    /// <summary>ISO 8601 with offset, for the datetime attribute of &lt;time&gt;.</summary>
    public static string Iso(DateTime utc) => new DateTimeOffset(ToLocal(utc), Zone.GetUtcOffset(AsUtc(utc))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Today's date in Helsinki.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    // An unspecified Kind would be read as Helsinki time by GetUtcOffset.
    private static DateTime AsUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
