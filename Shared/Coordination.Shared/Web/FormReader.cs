using Microsoft.AspNetCore.Http;

namespace Coordination.Shared.Web;

/// <summary>Reads form fields named like the API's JSON paths ("name.fi").</summary>
public static class FormReader
{
    public static string? Text(this IFormCollection form, string name)
        => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    public static LocalizedTextInput LocalizedText(this IFormCollection form, string name)
        => new(form.Text($"{name}.fi"), form.Text($"{name}.sv"), form.Text($"{name}.en"));
}
