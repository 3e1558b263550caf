using Coordination.Monitoring.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Indicators;

/// <summary>Counts a network's indicators for a period from the read model. Attendances are
/// counted in the database (they are the many rows); the rest are few per network.</summary>
internal sealed class IndicatorCalculator(MonitoringDbContext db)
{
    /// <summary>Event types in the order the funder's forms list them.</summary>
    public static readonly string[] EventTypes = ["networkMeeting", "developmentDay", "projectManagerDay", "disseminationSeminar", "webinar", "workshop", "roundTable", "steeringGroup"];

    public async Task<NetworkIndicators> ComputeAsync(NetworkFact network, Period period, CancellationToken ct)
    {
        var id = network.NetworkId;
        var start = period.StartUtc;
        var end = period.EndUtc;

        var events = await db.HeldEvents.AsNoTracking().Where(e => e.NetworkId == id && e.StartsAt >= start && e.StartsAt < end)
            .GroupBy(e => new { e.Type, e.Month }).Select(g => new { g.Key.Type, g.Key.Month, Count = g.Count(), Participants = g.Sum(e => e.Participants) })
            .ToListAsync(ct);
        // Attendances are the many rows (tens of thousands at ten times a two-year network): they
        // are counted in SQL over the covering index (NetworkId, StartsAt, Month, AttendeeKey,
        // OrganisationKey), so only the counts come back. Reading the rows and counting them here
        // took 100–190 ms at that size (MonitoringBenchmarks).
        var attendances = db.Attendances.AsNoTracking().Where(a => a.NetworkId == id && a.StartsAt >= start && a.StartsAt < end);
        var monthly = await attendances.GroupBy(a => a.Month)
            .Select(g => new { Month = g.Key, Count = g.Count(), People = g.Select(a => a.AttendeeKey).Distinct().Count() })
            .ToListAsync(ct);
        var participants = await attendances.Select(a => a.AttendeeKey).Distinct().CountAsync(ct);
        var organisationKeys = await attendances.Where(a => a.OrganisationKey != null).Select(a => a.OrganisationKey!).Distinct().ToListAsync(ct);

        var projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == id).OrderBy(p => p.Name).ToListAsync(ct);
        var projectIds = projects.Select(p => p.ProjectId).ToList();
        var organisations = await db.ProjectOrganisations.AsNoTracking().Where(o => projectIds.Contains(o.ProjectId)).Select(o => new { o.OrganisationId, o.Name }).ToListAsync(ct);
        var perProject = (await db.AttendanceProjects.AsNoTracking().Where(a => a.NetworkId == id && a.StartsAt >= start && a.StartsAt < end)
                .GroupBy(a => a.ProjectId)
                .Select(g => new { ProjectId = g.Key, Count = g.Count(), People = g.Select(a => a.AttendeeKey).Distinct().Count(), Events = g.Select(a => a.EventId).Distinct().Count() })
                .ToListAsync(ct))
            .ToDictionary(x => x.ProjectId);

        var surveys = await db.Surveys.AsNoTracking().Where(s => s.NetworkId == id && s.ClosedAt >= start && s.ClosedAt < end).OrderBy(s => s.ClosedAt).ToListAsync(ct);
        var models = await db.Models.AsNoTracking().Where(m => m.NetworkId == id).ToListAsync(ct);
        var modelProject = models.ToDictionary(m => m.ModelId, m => m.ProjectId);
        var published = models.Where(m => m.FirstPublishedAt >= start && m.FirstPublishedAt < end).ToList();
        var reviews = await db.ModelReviews.AsNoTracking().Where(r => r.ReviewedAt >= start && r.ReviewedAt < end && db.Models.Any(m => m.ModelId == r.ModelId && m.NetworkId == id)).ToListAsync(ct);
        var peer = reviews.Where(r => r.Kind == "peer").Select(r => r.ModelId).Distinct().ToList();
        var expert = reviews.Where(r => r.Kind == "expert").Select(r => r.ModelId).Distinct().ToList();
        var issues = await db.NewsletterIssues.AsNoTracking().Where(i => i.SentAt >= start && i.SentAt < end).ToListAsync(ct);
        var subscribers = await db.Subscriptions.CountAsync(s => s.ConfirmedAt != null && s.ConfirmedAt < end && (s.EndedAt == null || s.EndedAt >= end), ct);
        var newSubscribers = await db.Subscriptions.CountAsync(s => s.ConfirmedAt >= start && s.ConfirmedAt < end, ct);
        var posts = (await db.Posts.AsNoTracking().Where(p => p.PublishedAt >= start && p.PublishedAt < end).ToListAsync(ct))
            .Where(p => p.ProjectId is null || projectIds.Contains(p.ProjectId.Value)).ToList();

        // An organisation a guest wrote by name counts as the network's organisation of that name.
        var byName = organisations.GroupBy(o => Attendees.NameKey(o.Name)).ToDictionary(g => g.Key, g => Attendees.IdKey(g.First().OrganisationId));
        var organisationsReached = organisationKeys.Select(k => byName.GetValueOrDefault(k, k)).Distinct().Count();

        var attendanceCount = monthly.Sum(m => m.Count);
        var byProject = projects.Select(p =>
        {
            var a = perProject.GetValueOrDefault(p.ProjectId);
            return new ProjectRow(
                p.ProjectId, p.Name, p.Acronym, a?.Count ?? 0, a?.People ?? 0, a?.Events ?? 0,
                attendanceCount == 0 ? 0 : Math.Round((double)(a?.Count ?? 0) / attendanceCount, 4),
                published.Count(m => m.ProjectId == p.ProjectId),
                peer.Count(m => modelProject.GetValueOrDefault(m) == p.ProjectId),
                expert.Count(m => modelProject.GetValueOrDefault(m) == p.ProjectId),
                posts.Count(x => x.ProjectId == p.ProjectId));
        }).ToList();

        var byMonth = period.Months().Select(month => new MonthRow(
            month / 100, month % 100,
            events.Where(e => e.Month == month).Sum(e => e.Count),
            monthly.Where(m => m.Month == month).Sum(m => m.Count),
            monthly.Where(m => m.Month == month).Sum(m => m.People),
            published.Count(m => Attendees.Month(m.FirstPublishedAt!.Value) == month),
            surveys.Count(s => Attendees.Month(s.ClosedAt) == month),
            issues.Count(i => Attendees.Month(i.SentAt) == month),
            posts.Count(p => Attendees.Month(p.PublishedAt) == month))).ToList();

        var followUps = (await db.ModelFollowUps.AsNoTracking().Where(f => f.NetworkId == id && f.AnsweredAt < end).ToListAsync(ct))
            .GroupBy(f => f.Months).OrderBy(g => g.Key)
            .Select(g => new FollowUpRow(g.Key, g.Count(), g.Count(f => f.StillInUse), Math.Round((double)g.Count(f => f.StillInUse) / g.Count(), 4)))
            .ToList();
        var invited = surveys.Sum(s => s.Invited);
        var responses = surveys.Where(s => s.Invited > 0).Sum(s => s.Responses);
        return new NetworkIndicators(
            id, network.NameFi, period.From, period.To,
            events.Sum(e => e.Count),
            [.. EventTypes.Union(events.Select(e => e.Type)).Select(t => new TypeCount(t, events.Where(e => e.Type == t).Sum(e => e.Count), events.Where(e => e.Type == t).Sum(e => e.Participants)))],
            attendanceCount,
            participants,
            organisationsReached,
            perProject.Keys.Count(projectIds.Contains),
            projects.Count,
            surveys.Count,
            invited,
            surveys.Sum(s => s.Responses),
            invited == 0 ? null : Math.Round((double)responses / invited, 4),
            [.. surveys.Select(s => new SurveyRow(s.SurveyId, s.TitleFi, s.TitleSv, s.Template, s.Invited, s.Responses, s.Invited == 0 ? null : Math.Round((double)s.Responses / s.Invited, 4), s.ClosedAt))],
            published.Count,
            peer.Count,
            expert.Count,
            issues.Count,
            issues.Sum(i => i.Recipients),
            subscribers,
            newSubscribers,
            posts.Count,
            byProject,
            byMonth,
            followUps);
    }
}
