using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Coordination.Shared.Web;

/// <summary>Reads form fields named like the API's JSON paths ("name.fi"). Values that do not
/// parse are reported in <c>errors</c> under the field's name, so the form can show them.</summary>
public static class FormReader
{
    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi");

    public static string? Text(this IFormCollection form, string name)
        => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    public static LocalizedTextInput LocalizedText(this IFormCollection form, string name)
        => new(form.Text($"{name}.fi"), form.Text($"{name}.sv"), form.Text($"{name}.en"));

    /// <summary>Non-empty lines of a textarea, trimmed.</summary>
    public static List<string> Lines(this IFormCollection form, string name)
        => [.. (form.Text(name) ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>Every value posted under <paramref name="name"/> (checkboxes, multi-selects).</summary>
    public static List<string> All(this IFormCollection form, string name)
        => [.. form[name].Select(v => v?.Trim() ?? "").Where(v => v.Length > 0)];

    /// <summary>Every id posted under <paramref name="name"/>; a value that is not an id becomes
    /// <see cref="Guid.Empty"/>, which no record has (so it fails as unknown, not as a crash).</summary>
    public static List<Guid> Ids(this IFormCollection form, string name)
        => [.. form.All(name).Select(v => System.Guid.TryParse(v, out var g) ? g : System.Guid.Empty)];

    public static Guid? Id(this IFormCollection form, string name)
        => System.Guid.TryParse(form.Text(name), out var id) ? id : null;

    public static int? Number(this IFormCollection form, string name)
        => int.TryParse(form.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A date as 2026-01-31 (date input) or 31.1.2026 (Finnish).</summary>
    public static DateOnly? Date(this IFormCollection form, string name, FormErrors errors, string message)
    {
        var text = form.Text(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateOnly.TryParseExact(text, "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out iso))
        {
            return iso;
        }

        errors.Add(name, message);
        return null;
    }

    /// <summary>An amount as 1234.5, 1 234,50 or 1234,50 €.</summary>
    public static decimal? Amount(this IFormCollection form, string name, FormErrors errors, string message)
    {
        var text = form.Text(name);
        if (text is null)
        {
            return null;
        }

        if (ParseAmount(text) is { } value)
        {
            return value;
        }

        errors.Add(name, message);
        return null;
    }

    /// <summary>Parses amounts the way Finns write them ("1 414 278 €", "12,50") or plain "12.50".</summary>
    public static decimal? ParseAmount(string text)
    {
        var cleaned = new string([.. text.Replace("€", "", StringComparison.Ordinal).Where(c => !char.IsWhiteSpace(c))]);
        if (cleaned.Contains(',', StringComparison.Ordinal))
        {
            return decimal.TryParse(cleaned, NumberStyles.Number, Finnish, out var fi) ? fi : null;
        }

        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
