using Coordination.Monitoring.Resources;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Indicators;

/// <summary>The headline figures of a period, keyed as the API names them.</summary>
internal static class Headline
{
    public static IEnumerable<(string Key, string Label, string Value)> Figures(NetworkIndicators i, IStringLocalizer<MonitoringStrings> l) =>
    [
        ("eventsHeld", l["EventsHeld"], Format.Count(i.EventsHeld)),
        ("attendances", l["Attendances"], Format.Count(i.Attendances)),
        ("participants", l["Participants"], Format.Count(i.Participants)),
        ("organisationsReached", l["OrganisationsReached"], Format.Count(i.OrganisationsReached)),
        ("projectsReached", l["ProjectsReached"], $"{Format.Count(i.ProjectsReached)} / {Format.Count(i.Projects)}"),
        ("surveys", l["SurveysClosed"], Format.Count(i.Surveys)),
        ("surveyResponseRate", l["ResponseRate"], Format.Share(i.SurveyResponseRate)),
        ("modelsPublished", l["ModelsPublished"], Format.Count(i.ModelsPublished)),
        ("modelsPeerReviewed", l["ModelsPeerReviewed"], Format.Count(i.ModelsPeerReviewed)),
        ("modelsExpertReviewed", l["ModelsExpertReviewed"], Format.Count(i.ModelsExpertReviewed)),
        ("newsletterIssues", l["NewsletterIssues"], Format.Count(i.NewsletterIssues)),
        ("newsletterRecipients", l["NewsletterRecipients"], Format.Count(i.NewsletterRecipients)),
        ("subscribers", l["Subscribers"], Format.Count(i.Subscribers)),
        ("posts", l["Posts"], Format.Count(i.Posts)),
        .. (i.FollowUps ?? []).Select(f => ($"stillInUse{f.Months}", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["StillInUseAfter"], f.Months), $"{Format.Share(f.StillInUseShare)} ({Format.Count(f.StillInUse)} / {Format.Count(f.ModelsFollowedUp)})")),
    ];
}
