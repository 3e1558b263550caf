using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coordination.Shared.Localization;

namespace Coordination.Monitoring.Data;

/// <summary>How attendances are keyed: a person by a hash of their address (so unique people
/// are counted without keeping addresses), an organisation by its id or the name a guest wrote.</summary>
internal static class Attendees
{
    public static string Key(string email)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("monitoring-attendee\n" + email.Trim().ToLowerInvariant())));

    /// <summary>The key of an erased person: still one person, no longer their address.</summary>
    public static string ErasedKey(Guid personId)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("monitoring-erased\n" + personId.ToString("N"))));

    public static string? OrganisationKey(Guid? organisationId, string? written)
        => organisationId is { } id ? "id:" + id.ToString("N")
            : string.IsNullOrWhiteSpace(written) ? null
            : "name:" + Truncate(written.Trim().ToLowerInvariant(), 290);

    public static string IdKey(Guid organisationId) => "id:" + organisationId.ToString("N");

    public static string NameKey(string name) => "name:" + Truncate(name.Trim().ToLowerInvariant(), 290);

    /// <summary>The Helsinki calendar month of an instant as yyyymm.</summary>
    public static int Month(DateTime utc)
    {
        var local = HelsinkiTime.ToLocal(utc);
        return (local.Year * 100) + local.Month;
    }

    public static string MonthText(int month, CultureInfo culture)
        => new DateTime(month / 100, month % 100, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString(culture.TwoLetterISOLanguageName == "en" ? "MMM yyyy" : "M/yyyy", culture);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
