using System.Globalization;
using Coordination.Monitoring.Data;

namespace Coordination.Monitoring.Indicators;

/// <summary>Names in the reader's language, Finnish when there is no translation.</summary>
internal static class Names
{
    private static bool Swedish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Of(NetworkFact n) => (Swedish ? n.NameSv : English ? n.NameEn : null) ?? n.NameFi;

    public static string Of(string fi, string? sv) => Swedish && !string.IsNullOrWhiteSpace(sv) ? sv : fi;

    public static string Project(string name, string? acronym) => string.IsNullOrWhiteSpace(acronym) ? name : $"{name} ({acronym})";
}
