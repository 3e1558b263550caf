using Coordination.Shared.Data;

namespace Coordination.Shared.Web;

/// <summary>A text in fi/sv/en as it comes in from a form or the API ("name": { "fi": ... }).</summary>
public sealed record LocalizedTextInput(string? Fi, string? Sv, string? En)
{
    public static LocalizedTextInput From(LocalizedText text) => new(text.Fi, text.Sv, text.En);

    public LocalizedText ToText() => LocalizedText.Create(Fi ?? "", Sv, En);
}
