using System.Globalization;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Indicators;

/// <summary>A reporting period of whole Helsinki days, From and To included.</summary>
internal sealed record Period(DateOnly From, DateOnly To)
{
    /// <summary>The longest period asked at once.</summary>
    public const int MaxYears = 10;

    public DateTime StartUtc => TimeZoneInfo.ConvertTimeToUtc(From.ToDateTime(TimeOnly.MinValue), HelsinkiTime.Zone);

    public DateTime EndUtc => TimeZoneInfo.ConvertTimeToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue), HelsinkiTime.Zone);

    public string Query => $"from={From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The calendar months the period touches, as yyyymm.</summary>
    public IEnumerable<int> Months()
    {
        for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1))
        {
            yield return (month.Year * 100) + month.Month;
        }
    }

    /// <summary>from and to as yyyy-MM-dd, or a calendar year; this calendar year when none is given.</summary>
    public static (Period Period, FormErrors Errors) Parse(string? from, string? to, string? year, TimeProvider clock, IStringLocalizer<MonitoringStrings> l)
    {
        var errors = new FormErrors();
        var thisYear = HelsinkiTime.Today(clock).Year;
        var start = new DateOnly(thisYear, 1, 1);
        var end = new DateOnly(thisYear, 12, 31);
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                start = new DateOnly(y, 1, 1);
                end = new DateOnly(y, 12, 31);
            }
            else
            {
                errors.Add("year", l["YearInvalid"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(from) && !DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            errors.Add("from", l["DateInvalid"]);
        }

        if (!string.IsNullOrWhiteSpace(to) && !DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            errors.Add("to", l["DateInvalid"]);
        }

        if (errors.IsEmpty && end < start)
        {
            errors.Add("to", l["ToBeforeFrom"]);
        }
        else if (errors.IsEmpty && end > start.AddYears(MaxYears))
        {
            errors.Add("to", l.Plural("PeriodTooLong", MaxYears));
        }

        return errors.IsEmpty ? (new Period(start, end), errors) : (new Period(new DateOnly(thisYear, 1, 1), new DateOnly(thisYear, 12, 31)), errors);
    }
}
