using System.Collections.Concurrent;
using System.Security.Claims;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.BrowseEvents;

/// <summary>A page of the events a viewer may see, and their total: the list page and GET
/// /api/v1/events.</summary>
internal static class EventListQuery
{
    public static async Task<(List<EventListItem> Items, int Total)> RunAsync(
        EventsDbContext db, ClaimsPrincipal user, string? type, Guid? networkId, bool past, DateTime now, Paging paging, CancellationToken ct)
    {
        EventType? eventType = EnumText.TryParse<EventType>(type, out var t) ? t : null;
        var steering = await EventAccess.SteeringGroupsAsync(db, user, ct);
        var rows = !past && steering.IsEmpty
            ? await UpcomingAsync(db, user, eventType, networkId, now, paging, ct)
            : await ComposedAsync(db, user, steering, eventType, networkId, past, now, paging, ct);

        // A page past the end has no row to carry the total, so only then is it counted alone.
        var total = rows.Count > 0 ? rows[0].Total
            : paging.Skip == 0 ? 0
            : await Visible(db, user, steering, eventType, networkId, past, now).CountAsync(ct);
        return ([.. rows.Select(r => r.Item)], total);
    }

    private sealed record Row(EventListItem Item, int Total);

    // Upcoming events for a viewer outside every steering group (every visitor, nearly everyone) as
    // a compiled query: no LINQ to build, funcletize and look up in EF's cache on each request
    // (a tenth of an uncached list page's CPU, issue 20). The viewer's audiences and the filters are
    // parameters, so one SQL text serves all. EF keeps a compiled query's executor from the first
    // context that runs it, hence one per provider (a test process hosts SQLite and PostgreSQL).
    private static readonly ConcurrentDictionary<string, Func<EventsDbContext, bool, bool, bool, bool, bool, EventType, bool, Guid, DateTime, int, int, IAsyncEnumerable<Row>>> Upcoming = new();

    private static async Task<List<Row>> UpcomingAsync(EventsDbContext db, ClaimsPrincipal user, EventType? type, Guid? networkId, DateTime now, Paging paging, CancellationToken ct)
    {
        var query = Upcoming.GetOrAdd(db.Database.ProviderName!, _ => CompileUpcoming());
        var rows = new List<Row>(paging.PageSize);
        await foreach (var row in query(db,
                           EventAccess.CanSee(EventAudience.Public, user), EventAccess.CanSee(EventAudience.Network, user),
                           EventAccess.CanSee(EventAudience.ProjectManagers, user), EventAccess.CanSee(EventAudience.SteeringGroup, user),
                           type is null, type ?? default, networkId is null, networkId ?? default, now, paging.Skip, paging.PageSize).WithCancellation(ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    // The filter is written twice, for the page and for its total, as a compiled query's body
    // cannot call a method that composes it.
    private static Func<EventsDbContext, bool, bool, bool, bool, bool, EventType, bool, Guid, DateTime, int, int, IAsyncEnumerable<Row>> CompileUpcoming()
        => EF.CompileAsyncQuery((EventsDbContext db, bool pub, bool network, bool managers, bool steering, bool anyType, EventType type, bool anyNetwork, Guid networkId, DateTime now, int skip, int take) =>
            (from e in db.Events
             where ((pub && e.Audience == EventAudience.Public) || (network && e.Audience == EventAudience.Network)
                    || (managers && e.Audience == EventAudience.ProjectManagers) || (steering && e.Audience == EventAudience.SteeringGroup))
                   && (anyType || e.Type == type) && (anyNetwork || e.NetworkId == networkId) && e.EndsAt >= now
             join n in db.Networks on e.NetworkId equals n.NetworkId into names
             from n in names.DefaultIfEmpty()
             orderby e.StartsAt
             select new Row(
                 new EventListItem(
                     e.Id, e.NetworkId, e.Type, e.Title.Fi, e.Title.Sv, e.Title.En, e.StartsAt, e.EndsAt, e.Place, e.Audience,
                     e.Capacity, e.RegisteredCount, e.Status, e.SeriesId, e.ProjectId, n!.NameFi, n.NameSv, n.NameEn),
                 db.Events.Count(c => ((pub && c.Audience == EventAudience.Public) || (network && c.Audience == EventAudience.Network)
                                       || (managers && c.Audience == EventAudience.ProjectManagers) || (steering && c.Audience == EventAudience.SteeringGroup))
                                      && (anyType || c.Type == type) && (anyNetwork || c.NetworkId == networkId) && c.EndsAt >= now)))
            .Skip(skip).Take(take));

    // Past events, and the lists of people in a steering group (whose visibility takes their
    // networks and projects): composed per request.
    private static async Task<List<Row>> ComposedAsync(
        EventsDbContext db, ClaimsPrincipal user, SteeringGroups steering, EventType? type, Guid? networkId, bool past, DateTime now, Paging paging, CancellationToken ct)
    {
        var query = Visible(db, user, steering, type, networkId, past, now);
        var listed = from e in query
                     join n in db.Networks on e.NetworkId equals n.NetworkId into names
                     from n in names.DefaultIfEmpty()
                     select new { e, n };
        listed = past ? listed.OrderByDescending(x => x.e.StartsAt) : listed.OrderBy(x => x.e.StartsAt);

        // The page and the total in one statement (the uncorrelated count is evaluated once).
        return await listed.Skip(paging.Skip).Take(paging.PageSize).Select(x => new Row(
            new EventListItem(
                x.e.Id, x.e.NetworkId, x.e.Type, x.e.Title.Fi, x.e.Title.Sv, x.e.Title.En, x.e.StartsAt, x.e.EndsAt, x.e.Place, x.e.Audience,
                x.e.Capacity, x.e.RegisteredCount, x.e.Status, x.e.SeriesId, x.e.ProjectId, x.n!.NameFi, x.n.NameSv, x.n.NameEn),
            query.Count())).ToListAsync(ct);
    }

    // What the composed list and a total past the last page count: the viewer's events, filtered.
    private static IQueryable<Event> Visible(EventsDbContext db, ClaimsPrincipal user, SteeringGroups steering, EventType? type, Guid? networkId, bool past, DateTime now)
    {
        var query = EventAccess.Visible(db.Events.AsNoTracking(), EventAccess.Audiences(user), steering);
        if (type is { } t)
        {
            query = query.Where(e => e.Type == t);
        }

        if (networkId is not null)
        {
            query = query.Where(e => e.NetworkId == networkId);
        }

        return past ? query.Where(e => e.EndsAt < now) : query.Where(e => e.EndsAt >= now);
    }
}
