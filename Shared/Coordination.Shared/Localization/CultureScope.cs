using System.Globalization;

namespace Coordination.Shared.Localization;

/// <summary>Switches the UI culture for a block (e-mails in the recipient's language) and back.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previousFormat = CultureInfo.CurrentCulture;

    public CultureScope(string? language)
    {
        var culture = CultureInfo.GetCultureInfo(language is "sv" or "en" ? language : "fi");
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _previous;
        CultureInfo.CurrentCulture = _previousFormat;
    }
}
