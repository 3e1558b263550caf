using Coordination.Monitoring.Data;
using Coordination.Monitoring.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Health;

/// <summary>Checks the ten marks of a network and of each of its running projects against the
/// read model. Everything the network needs is read in a few queries and checked in memory, so
/// the checklist of a large network with years of events stays quick.</summary>
internal sealed class HealthCalculator(MonitoringDbContext db)
{
    private const string LeadershipRole = "leadership";
    private const string CoordinatorRole = "coordinator";
    private const string NetworkMeeting = "networkMeeting";
    private static readonly string[] NetworkSurveys = ["networkFeedback", "networkHealth"];

    /// <summary>A survey mean below this (on 1–5) asks for attention.</summary>
    public const double TrustMean = 3.0;

    public async Task<HealthSettings> SettingsAsync(Guid networkId, CancellationToken ct)
        => await db.HealthSettings.AsNoTracking().SingleOrDefaultAsync(s => s.NetworkId == networkId, ct) ?? new HealthSettings { NetworkId = networkId };

    public async Task<NetworkHealth> ComputeAsync(Guid networkId, DateTime now, CancellationToken ct)
    {
        var settings = await SettingsAsync(networkId, ct);
        var facts = await LoadAsync(networkId, settings, now, ct);
        var all = facts.Projects;
        var network = Check(facts, settings, now, all, networkScope: true);
        var projects = all.Select(p => new ProjectHealth(p.ProjectId, Names.Project(p.Name, p.Acronym), Check(facts, settings, now, [p], networkScope: false))).ToList();
        return new NetworkHealth(networkId, now, network, projects, await MinutesAsync(facts, now, ct));
    }

    /// <summary>Approved minutes of the events held in the meetings mark's months.</summary>
    private async Task<MeetingMinutes> MinutesAsync(Facts f, DateTime now, CancellationToken ct)
    {
        var months = LastMonths(now, 3);
        var minutes = await db.Minutes.AsNoTracking()
            .Where(m => m.NetworkId == f.NetworkId && db.HeldEvents.Any(e => e.EventId == m.EventId && e.NetworkId == f.NetworkId && months.Contains(e.Month)))
            .Select(m => new { m.EventId, m.ProjectId }).ToListAsync(ct);
        var withMinutes = f.Meetings.Count(m => minutes.Any(x => x.EventId == m.EventId));
        var projects = f.Projects.Select(p => new ProjectMinutes(p.ProjectId, Names.Project(p.Name, p.Acronym), minutes.Count(x => x.ProjectId == p.ProjectId)))
            .Where(p => p.WithMinutes > 0).ToList();
        return new MeetingMinutes(f.Meetings.Count, withMinutes, projects);
    }

    private sealed record Facts(
        Guid NetworkId,
        List<ProjectFact> Projects,
        List<ProjectOrganisationFact> Organisations,
        RulesFact? Rules,
        HashSet<Guid> Accepted,
        List<LetterFact> Letters,
        HashSet<Guid> Leaders,
        List<PersonRoleFact> Coordinators,
        Dictionary<Guid, string> PersonNames,
        HeldEventFact? LastEvent,
        List<HeldEventFact> Meetings,
        List<(Guid EventId, string OrganisationKey)> MeetingAttendance,
        List<WorkingGroupFact> Groups,
        List<GoalFact> Goals,
        SurveyFact? Survey,
        List<SurveyStatementFact> Statements,
        List<ModelFact> Models,
        List<PostFact> Posts,
        Dictionary<string, DateTime> LastAttendance);

    private async Task<Facts> LoadAsync(Guid networkId, HealthSettings settings, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == networkId && p.EndedAt == null && p.EndDate >= today).OrderBy(p => p.Name).ToListAsync(ct);
        var projectIds = projects.Select(p => p.ProjectId).ToList();
        var organisations = await db.ProjectOrganisations.AsNoTracking().Where(o => projectIds.Contains(o.ProjectId)).ToListAsync(ct);
        var rules = await db.Rules.AsNoTracking().Where(r => r.NetworkId == networkId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var accepted = rules is null ? [] : (await db.RulesAcceptances.AsNoTracking().Where(a => a.RulesId == rules.RulesId).Select(a => a.OrganisationId).ToListAsync(ct)).ToHashSet();
        var letters = await db.Letters.AsNoTracking().Where(l => projectIds.Contains(l.ProjectId)).ToListAsync(ct);

        // Leaders: people holding the leadership role, by their organisation.
        var leaders = (await db.PersonRoles.AsNoTracking().Where(r => r.Role == LeadershipRole)
            .Join(db.People.AsNoTracking().Where(p => p.ErasedAt == null), r => r.PersonId, p => p.PersonId, (r, p) => p.PersonId).Distinct().ToListAsync(ct)).ToHashSet();
        var coordinators = await db.PersonRoles.AsNoTracking()
            .Where(r => r.Role == CoordinatorRole && (r.NetworkId == networkId || (r.ProjectId != null && projectIds.Contains(r.ProjectId.Value)))).ToListAsync(ct);
        var groups = await db.WorkingGroups.AsNoTracking().Where(g => g.NetworkId == networkId).OrderBy(g => g.Name).ToListAsync(ct);
        var personIds = coordinators.Select(c => c.PersonId).Concat(groups.Where(g => g.CoordinatorPersonId != null).Select(g => g.CoordinatorPersonId!.Value)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.PersonId) && p.ErasedAt == null).ToDictionaryAsync(p => p.PersonId, p => p.Name, ct);

        var lastEvent = await db.HeldEvents.AsNoTracking().Where(e => e.NetworkId == networkId && e.StartsAt <= now).OrderByDescending(e => e.StartsAt).FirstOrDefaultAsync(ct);
        var months = LastMonths(now, 3);
        var meetings = await db.HeldEvents.AsNoTracking().Where(e => e.NetworkId == networkId && e.Type == NetworkMeeting && months.Contains(e.Month)).OrderBy(e => e.StartsAt).ToListAsync(ct);
        var meetingIds = meetings.Select(m => m.EventId).ToList();
        var meetingAttendance = (await db.Attendances.AsNoTracking().Where(a => meetingIds.Contains(a.EventId) && a.OrganisationKey != null)
            .Select(a => new { a.EventId, a.OrganisationKey }).Distinct().ToListAsync(ct)).Select(a => (a.EventId, a.OrganisationKey!)).ToList();

        var goals = await db.Goals.AsNoTracking().Where(g => g.NetworkId == networkId || (g.ProjectId != null && projectIds.Contains(g.ProjectId.Value))).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var survey = await db.Surveys.AsNoTracking().Where(s => s.NetworkId == networkId && s.Template != null && NetworkSurveys.Contains(s.Template) && s.ClosedAt <= now)
            .OrderByDescending(s => s.ClosedAt).FirstOrDefaultAsync(ct);
        var statements = survey is null ? [] : await db.SurveyStatements.AsNoTracking().Where(s => s.SurveyId == survey.SurveyId).OrderBy(s => s.Key).ToListAsync(ct);

        var knowledgeSince = now.AddMonths(-settings.KnowledgeMonths);
        var models = await db.Models.AsNoTracking().Where(m => m.ProjectId != null && projectIds.Contains(m.ProjectId.Value) && m.Published && m.FirstPublishedAt >= knowledgeSince && m.FirstPublishedAt <= now).ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking().Where(p => p.ProjectId != null && projectIds.Contains(p.ProjectId.Value) && p.PublishedAt >= knowledgeSince && p.PublishedAt <= now).ToListAsync(ct);

        // The newest attendance of each organisation within the motivation window.
        var motivationSince = now.AddMonths(-settings.MotivationMonths);
        var lastAttendance = await db.Attendances.AsNoTracking()
            .Where(a => a.NetworkId == networkId && a.OrganisationKey != null && a.StartsAt >= motivationSince && a.StartsAt <= now)
            .GroupBy(a => a.OrganisationKey!).Select(g => new { g.Key, Last = g.Max(a => a.StartsAt) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        return new Facts(networkId, projects, organisations, rules, accepted, letters, leaders, coordinators, names, lastEvent, meetings, meetingAttendance, groups, goals, survey, statements, models, posts, lastAttendance);
    }

    /// <summary>The Helsinki months (yyyymm) of the <paramref name="count"/> full months before now's.</summary>
    public static List<int> LastMonths(DateTime now, int count)
    {
        var month = Attendees.Month(now);
        var year = month / 100;
        var m = month % 100;
        var result = new List<int>();
        for (var i = 0; i < count; i++)
        {
            m--;
            if (m == 0)
            {
                m = 12;
                year--;
            }

            result.Add((year * 100) + m);
        }

        result.Reverse();
        return result;
    }

    private static List<Mark> Check(Facts f, HealthSettings s, DateTime now, List<ProjectFact> projects, bool networkScope)
    {
        var ids = projects.Select(p => p.ProjectId).ToHashSet();
        var organisations = f.Organisations.Where(o => ids.Contains(o.ProjectId)).ToList();
        var distinctOrganisations = organisations.DistinctBy(o => o.OrganisationId).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        var letters = f.Letters.Where(l => ids.Contains(l.ProjectId) && organisations.Any(o => o.ProjectId == l.ProjectId && o.OrganisationId == l.OrganisationId)).ToList();
        return
        [
            Rules(f, distinctOrganisations),
            Commitment(projects, organisations, letters),
            Tasks(organisations, letters),
            Leadership(organisations, letters, f.Leaders),
            Coordination(f, s, now),
            Meetings(f, distinctOrganisations, now),
            Goals(f, s, now, ids, networkScope),
            Trust(f, s, now),
            Knowledge(f, projects),
            Motivation(f, distinctOrganisations),
        ];
    }

    private static Mark Make(string key, List<Evidence> evidence, string status, string? next)
        => new(key, status, evidence, status == MarkStatus.Ok ? null : next);

    private static string NetworkPage(Guid networkId) => $"/membership/networks/{networkId}";

    private static string OrganisationPage(Guid organisationId) => $"/membership/organisations/{organisationId}";

    private static string LetterPage(Guid projectId, Guid organisationId) => $"/membership/projects/{projectId}/letters/{organisationId}";

    private static string LetterTitle(ProjectOrganisationFact o, List<ProjectFact> projects)
        => projects.Count > 1 ? $"{o.Name} – {projects.First(p => p.ProjectId == o.ProjectId).Name}" : o.Name;

    private static Mark Rules(Facts f, List<ProjectOrganisationFact> organisations)
    {
        if (f.Rules is null)
        {
            return Make(MarkKeys.Rules, [], MarkStatus.Missing, "PublishRules");
        }

        var evidence = new List<Evidence> { new("rulesVersion", f.Rules.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), NetworkPage(f.NetworkId) + "#rules", true) };
        evidence.AddRange(organisations.Select(o => new Evidence(f.Accepted.Contains(o.OrganisationId) ? "rulesAccepted" : "rulesNotAccepted", o.Name, OrganisationPage(o.OrganisationId), f.Accepted.Contains(o.OrganisationId))));
        return Make(MarkKeys.Rules, evidence, evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention, "RecordAcceptances");
    }

    private static Mark Commitment(List<ProjectFact> projects, List<ProjectOrganisationFact> organisations, List<LetterFact> letters)
    {
        var evidence = new List<Evidence>();
        foreach (var o in organisations.OrderBy(o => o.Name, StringComparer.CurrentCulture))
        {
            var project = projects.First(p => p.ProjectId == o.ProjectId);
            var letter = letters.FirstOrDefault(l => l.ProjectId == o.ProjectId && l.OrganisationId == o.OrganisationId);
            var kind = letter?.SignedOn is not { } signed ? "letterMissing" : signed <= project.StartDate ? "letterInTime" : "letterLate";
            evidence.Add(new(kind, LetterTitle(o, projects), LetterPage(o.ProjectId, o.OrganisationId), kind == "letterInTime", letter?.SignedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var status = evidence.Count == 0 || evidence.All(e => e.Kind == "letterMissing") ? MarkStatus.Missing : evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Commitment, evidence, status, "SignLetters");
    }

    private static Mark Tasks(List<ProjectOrganisationFact> organisations, List<LetterFact> letters)
    {
        var evidence = letters.Select(l =>
        {
            var o = organisations.First(o => o.ProjectId == l.ProjectId && o.OrganisationId == l.OrganisationId);
            return new Evidence(l.TaskCount > 0 ? "letterTasks" : "letterNoTasks", o.Name, LetterPage(l.ProjectId, l.OrganisationId), l.TaskCount > 0, l.TaskCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }).OrderBy(e => e.Title, StringComparer.CurrentCulture).ToList();
        var status = evidence.Count == 0 ? MarkStatus.Missing : evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Tasks, evidence, status, evidence.Count == 0 ? "SaveLetters" : "ListTasks");
    }

    private static Mark Leadership(List<ProjectOrganisationFact> organisations, List<LetterFact> letters, HashSet<Guid> leaders)
    {
        var signed = letters.Where(l => l.SignerNamed).ToList();
        var evidence = signed.Select(l =>
        {
            var o = organisations.First(o => o.ProjectId == l.ProjectId && o.OrganisationId == l.OrganisationId);
            var ok = l.SignerPersonId is { } signer && leaders.Contains(signer);
            return new Evidence(ok ? "signedByLeadership" : "signedNotByLeadership", o.Name, LetterPage(l.ProjectId, l.OrganisationId), ok);
        }).OrderBy(e => e.Title, StringComparer.CurrentCulture).ToList();
        var status = evidence.Count == 0 ? MarkStatus.Missing : evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Leadership, evidence, status, "LeadershipSigns");
    }

    private static Mark Coordination(Facts f, HealthSettings s, DateTime now)
    {
        var evidence = new List<Evidence>();
        foreach (var c in f.Coordinators.DistinctBy(c => c.PersonId))
        {
            evidence.Add(new("coordinator", f.PersonNames.GetValueOrDefault(c.PersonId, "–"), $"/membership/people/{c.PersonId}", true));
        }

        var named = evidence.Count > 0;
        if (!named)
        {
            evidence.Add(new("noCoordinator", "", NetworkPage(f.NetworkId), false));
        }

        var active = f.LastEvent is { } last && last.StartsAt >= now.AddDays(-7 * s.ActivityWeeks);
        evidence.Add(f.LastEvent is { } e
            ? new(active ? "lastEvent" : "lastEventOld", e.TitleFi, $"/events/{e.EventId}", active, e.StartsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : new("noEvent", "", NetworkPage(f.NetworkId), false));
        var rotationDue = now.AddMonths(-s.RotationMonths);
        foreach (var g in f.Groups)
        {
            var ok = g.CoordinatorPersonId is not null && g.Since >= rotationDue;
            evidence.Add(new(g.CoordinatorPersonId is null ? "groupNoCoordinator" : ok ? "groupCoordinator" : "groupRotationDue", g.Name, $"/membership/groups/{g.GroupId}", ok,
                g.CoordinatorPersonId is { } p ? f.PersonNames.GetValueOrDefault(p) : null));
        }

        // Without a coordinator the mark is missing, whatever else the evidence shows.
        var next = !named ? "NameCoordinator" : !active ? "HoldEvent" : "RotateGroups";
        var status = !named ? MarkStatus.Missing : evidence.All(x => x.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Coordination, evidence, status, next);
    }

    private static Mark Meetings(Facts f, List<ProjectOrganisationFact> organisations, DateTime now)
    {
        var months = LastMonths(now, 3);
        var evidence = new List<Evidence>();
        foreach (var month in months)
        {
            var held = f.Meetings.Where(m => m.Month == month).ToList();
            evidence.AddRange(held.Select(m => new Evidence("meeting", m.TitleFi, $"/events/{m.EventId}", true, m.StartsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
            if (held.Count == 0)
            {
                evidence.Add(new("noMeeting", $"{month / 100}-{month % 100:00}", $"/events?past=true", false));
            }
        }

        // Attendance per partner organisation at those meetings.
        foreach (var o in organisations)
        {
            var key = Attendees.IdKey(o.OrganisationId);
            var count = f.MeetingAttendance.Count(a => a.OrganisationKey == key);
            evidence.Add(new(count > 0 ? "meetingAttendance" : "meetingAbsent", o.Name, OrganisationPage(o.OrganisationId), count > 0, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var monthsHeld = months.Count(m => f.Meetings.Any(x => x.Month == m));
        var status = monthsHeld == 0 ? MarkStatus.Missing : evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Meetings, evidence, status, monthsHeld < months.Count ? "HoldMeetings" : "InviteAbsent");
    }

    private static Mark Goals(Facts f, HealthSettings s, DateTime now, HashSet<Guid> projectIds, bool networkScope)
    {
        var due = now.AddMonths(-s.GoalMonths);
        var goals = f.Goals.Where(g => (g.ProjectId is { } p && projectIds.Contains(p)) || (networkScope && g.NetworkId == f.NetworkId)).ToList();
        var evidence = goals.Select(g =>
        {
            var reviewed = g.LastReviewedAt ?? g.CreatedAt;
            return new Evidence(reviewed >= due ? "goalReviewed" : "goalNotReviewed", Short(g.Objective), $"/membership/goals/{g.GoalId}", reviewed >= due,
                g.LastReviewedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
        var status = evidence.Count == 0 ? MarkStatus.Missing : evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Goals, evidence, status, evidence.Count == 0 ? "WriteGoals" : "ReviewGoals");
    }

    private static Mark Trust(Facts f, HealthSettings s, DateTime now)
    {
        if (f.Survey is not { } survey || survey.ClosedAt < now.AddMonths(-s.TrustMonths))
        {
            var old = f.Survey is { } o ? new List<Evidence> { new("surveyOld", Names.Of(o.TitleFi, o.TitleSv), $"/surveys/{o.SurveyId}/results", false, o.ClosedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) } : [];
            return Make(MarkKeys.Trust, old, MarkStatus.Missing, "RunSurvey");
        }

        var href = $"/surveys/{survey.SurveyId}/results";
        var evidence = new List<Evidence> { new("survey", Names.Of(survey.TitleFi, survey.TitleSv), href, true, survey.ClosedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) };
        evidence.AddRange(f.Statements.Where(x => x.Mean is not null).Select(x => new Evidence(x.Mean >= TrustMean ? "statement" : "statementLow", x.TextFi, href, x.Mean >= TrustMean,
            x.Mean!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))));
        return Make(MarkKeys.Trust, evidence, evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention, "DiscussResults");
    }

    private static Mark Knowledge(Facts f, List<ProjectFact> projects)
    {
        var evidence = new List<Evidence>();
        foreach (var p in projects)
        {
            var shared = f.Models.Where(m => m.ProjectId == p.ProjectId).Select(m => new Evidence("model", Names.Of(m.TitleFi, m.TitleSv), $"/method-bank/{m.ModelId}", true))
                .Concat(f.Posts.Where(x => x.ProjectId == p.ProjectId).Select(x => new Evidence("post", Names.Of(x.TitleFi, x.TitleSv), $"/blog/{x.PostId}", true))).ToList();
            evidence.AddRange(shared.Count > 0 ? shared : [new Evidence("projectSilent", Names.Project(p.Name, p.Acronym), $"/membership/projects/{p.ProjectId}", false)]);
        }

        var status = evidence.Count == 0 || evidence.All(e => !e.Ok) ? MarkStatus.Missing : evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Knowledge, evidence, status, "ShareModels");
    }

    private static Mark Motivation(Facts f, List<ProjectOrganisationFact> organisations)
    {
        var evidence = organisations.Select(o =>
        {
            var attended = f.LastAttendance.TryGetValue(Attendees.IdKey(o.OrganisationId), out var last);
            return new Evidence(attended ? "attended" : "silentPartner", o.Name, OrganisationPage(o.OrganisationId), attended,
                attended ? last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        }).ToList();
        var status = evidence.Count == 0 || evidence.All(e => !e.Ok) ? MarkStatus.Missing : evidence.All(e => e.Ok) ? MarkStatus.Ok : MarkStatus.Attention;
        return Make(MarkKeys.Motivation, evidence, status, "ContactSilent");
    }

    private static string Short(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
