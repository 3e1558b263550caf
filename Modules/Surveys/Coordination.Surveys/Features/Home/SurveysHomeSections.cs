using System.Globalization;
using System.Security.Claims;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Answering;
using Coordination.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Coordination.Surveys.Mailing;

namespace Coordination.Surveys.Features.Home;

/// <summary>Surveys' part of the home page: a coordinator's open surveys with their response
/// rates; a project manager's projects' response rates (only for groups of at least the minimum
/// size, as in the results); for everyone signed in the surveys they have been asked to answer,
/// each with its personal link.</summary>
internal sealed class SurveysHomeSections(SurveysDbContext db, InvitationTokens tokens, TimeProvider clock, IConfiguration configuration, IStringLocalizer<SurveysStrings> l) : IHomeSectionSource
{
    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Surveys.AsNoTracking().Where(s => s.PublishedAt != null && s.ClosedAt == null && s.OpensAt <= now && s.ClosesAt > now).OrderBy(s => s.ClosesAt).ToListAsync(cancellationToken);
        var openIds = open.Select(s => s.Id).ToList();
        var sections = new List<HomeSection>();
        var coordinator = user.IsInRole(Roles.Coordinator);
        if (coordinator)
        {
            var counts = await db.Invitations.AsNoTracking().Where(i => openIds.Contains(i.SurveyId))
                .GroupBy(i => i.SurveyId).Select(g => new { g.Key, Invited = g.Count(), Responded = g.Count(i => i.Responded) }).ToDictionaryAsync(x => x.Key, cancellationToken);
            var responses = await db.Responses.AsNoTracking().Where(r => openIds.Contains(r.SurveyId) && r.Status == ResponseStatus.Submitted)
                .GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            sections.Add(new HomeSection("open-surveys", l["HomeOpenSurveys"], [.. open.Select(s => new HomeItem(
                    s.Title.InCurrentCulture().Text,
                    $"/surveys/{s.Id}",
                    $"{Rate(counts.GetValueOrDefault(s.Id)?.Responded ?? 0, counts.GetValueOrDefault(s.Id)?.Invited ?? 0, responses.GetValueOrDefault(s.Id))} · {string.Format(CultureInfo.CurrentCulture, l["HomeClosesOn"], HelsinkiTime.FormatDate(s.ClosesAt))}"))],
                Order: 40, Empty: l["HomeNoOpenSurveys"], More: new HomeItem(l["HomeAllSurveys"], "/surveys")));
        }

        var email = user.Email();
        if (email is null)
        {
            return sections;
        }

        if (!coordinator && user.IsInRole(Roles.ProjectManager))
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email, cancellationToken);
            var managed = person?.Roles.Where(r => r.Role == "projectManager" && r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().ToList() ?? [];
            var minimum = Math.Max(1, configuration.GetValue("Coordination:Surveys:MinimumGroupSize", 5));
            var groups = await db.Invitations.AsNoTracking().Where(i => openIds.Contains(i.SurveyId) && i.ProjectId != null && managed.Contains(i.ProjectId.Value))
                .GroupBy(i => new { i.SurveyId, ProjectId = i.ProjectId!.Value })
                .Select(g => new { g.Key.SurveyId, g.Key.ProjectId, Invited = g.Count(), Responded = g.Count(i => i.Responded) })
                .ToListAsync(cancellationToken);
            var names = await db.Projects.AsNoTracking().Where(p => managed.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, p => p.Label, cancellationToken);
            sections.Add(new HomeSection("project-surveys", l["HomeProjectSurveys"], [.. groups.Where(g => g.Invited >= minimum).Select(g => new HomeItem(
                    $"{open.Single(s => s.Id == g.SurveyId).Title.InCurrentCulture().Text}: {names.GetValueOrDefault(g.ProjectId)}",
                    $"/membership/projects/{g.ProjectId}",
                    Rate(g.Responded, g.Invited)))],
                Order: 41, Empty: l["HomeNoProjectSurveys"]));
        }

        var mine = await db.Invitations.AsNoTracking().Where(i => i.Email == email && !i.Responded && openIds.Contains(i.SurveyId)).ToListAsync(cancellationToken);
        if (mine.Count > 0 || user.IsInRole(Roles.Member) || user.IsInRole(Roles.ProjectManager))
        {
            sections.Add(new HomeSection("surveys-to-answer", l["HomeSurveysToAnswer"], [.. mine.Select(i => (Survey: open.Single(s => s.Id == i.SurveyId), Invitation: i)).Select(x => new HomeItem(
                    x.Survey.Title.InCurrentCulture().Text,
                    $"/s/{tokens.For(x.Invitation.Id)}",
                    string.Format(CultureInfo.CurrentCulture, l["HomeClosesOn"], HelsinkiTime.FormatDate(x.Survey.ClosesAt))))],
                Order: 31, Empty: l["HomeNoSurveysToAnswer"]));
        }

        return sections;
    }

    /// <summary>The rate counts answers to invitations; open-link answers are told apart.</summary>
    private string Rate(int responded, int invited, int responses)
    {
        var openLink = Math.Max(0, responses - responded);
        return invited == 0 || openLink == 0 ? Rate(invited == 0 ? responses : responded, invited)
            : $"{Rate(responded, invited)} · {l.Plural("HomeOpenLinkResponses", openLink)}";
    }

    private string Rate(int responses, int invited)
        => invited == 0
            ? string.Format(CultureInfo.CurrentCulture, responses == 1 ? l["HomeResponses_One"] : l["HomeResponses_Other"], responses)
            : string.Format(CultureInfo.CurrentCulture, l["HomeResponseRate"], responses, invited, ((double)responses / invited).ToString("P0", CultureInfo.CurrentCulture));
}
