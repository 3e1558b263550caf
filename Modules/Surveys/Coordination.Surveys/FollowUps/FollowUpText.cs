using Coordination.Shared.Localization;
using Coordination.Surveys.Data;

namespace Coordination.Surveys.FollowUps;

/// <summary>The follow-up's fixed vocabularies and a model's title in the current language.</summary>
internal static class FollowUpText
{
    public static readonly string[] Uses = ["inUse", "partly", "noLonger", "dontKnow"];

    public static readonly string[] Roots = ["strategy", "curriculum", "annualPlan"];

    public static string ModelTitle(KnownModel model) => SupportedCultures.CurrentLanguage switch
    {
        "sv" when !string.IsNullOrWhiteSpace(model.TitleSv) => model.TitleSv!,
        "en" when !string.IsNullOrWhiteSpace(model.TitleEn) => model.TitleEn!,
        _ => model.TitleFi,
    };
}
