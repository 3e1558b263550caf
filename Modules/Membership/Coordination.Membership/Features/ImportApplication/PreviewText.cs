namespace Coordination.Membership.Features.ImportApplication;

/// <summary>How the import preview's parts write what was read: a dash for nothing, long texts
/// cut, and which of the application's sections were read but are not stored.</summary>
internal static class PreviewText
{
    public static string Value(string? value) => string.IsNullOrWhiteSpace(value) ? "–" : value;

    public static string Short(string? value) => value is null ? "–" : value.Length <= 300 ? value : value[..300] + "…";

    public static List<NotStoredPart> NotStoredIn(ApplicationPreview preview, params string[] sections) => [.. preview.NotStored.Where(n => sections.Contains(n.Section))];

    public static bool IsPartnerSection(string section)
        => section.StartsWith("YHTEISTYÖKUMPPANEIDEN", StringComparison.Ordinal) || section.StartsWith("OSATOTEUT", StringComparison.Ordinal);
}
