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

    /// <summary>Reads an instant given with an offset ("2027-02-22T09:00:00+02:00", "…Z") or as
    /// Helsinki wall-clock time ("2027-02-22T09:00", as a datetime-local input sends it).</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || (trimmed.Length > 10 && (trimmed[^6] is '+' or '-') && trimmed[^3] == ':');
        if (hasOffset)
        {
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
            {
                utc = offset.UtcDateTime;
                return true;
            }

            return false;
        }

        if (DateTime.TryParseExact(trimmed, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "d.M.yyyy H.mm", "d.M.yyyy H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // A wall-clock time that does not exist (spring forward) moves an hour on; an ambiguous one takes standard time.
            if (Zone.IsInvalidTime(local))
            {
                local = local.AddHours(1);
            }

            utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
            return true;
        }

        return false;
    }

    /// <summary>The value of a datetime-local input: Helsinki wall-clock time.</summary>
    public static string LocalInput(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Today's date in Helsinki.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    // An unspecified Kind would be read as Helsinki time by GetUtcOffset.
    private static DateTime AsUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
