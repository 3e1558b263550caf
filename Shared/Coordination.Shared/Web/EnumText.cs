using System.Collections.Frozen;
using System.Text.Json;

namespace Coordination.Shared.Web;

/// <summary>Enum values as the API and forms spell them: camelCase names ("onHold").</summary>
public static class EnumText
{
    public static string Of<T>(T value)
        where T : struct, Enum
        => Names<T>.Of.TryGetValue(value, out var name) ? name : Name(value);

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
            && !char.IsDigit(text.Trim()[0])
            && Enum.TryParse(text.Trim(), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    public static bool IsValid<T>(string? text)
        where T : struct, Enum
        => TryParse<T>(text, out _);

    public static IEnumerable<string> All<T>()
        where T : struct, Enum
        => Enum.GetValues<T>().Select(Of);

    private static string Name<T>(T value)
        where T : struct, Enum
        => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    // The defined values' names, made once per type: lists write one for every row and field.
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Of = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, Name);
    }
}
