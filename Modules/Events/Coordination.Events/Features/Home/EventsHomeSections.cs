using System.Globalization;
using System.Security.Claims;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.Home;

/// <summary>Events' part of the home page: for the public the next public events; for a
/// coordinator or project manager this week's events with their registrations; for everyone
/// signed in their own coming registrations, and a directory person's open action items.</summary>
internal sealed class EventsHomeSections(EventsDbContext db, TimeProvider clock, IStringLocalizer<EventsStrings> l) : IHomeSectionSource
{
    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.Identity?.IsAuthenticated != true)
        {
            var upcoming = await db.Events.AsNoTracking()
                .Where(e => e.Status == EventStatus.Scheduled && e.Audience == EventAudience.Public && e.StartsAt >= now)
                .OrderBy(e => e.StartsAt).Take(5).ToListAsync(cancellationToken);
            return [new HomeSection("upcoming-events", l["HomeUpcomingEvents"], [.. upcoming.Select(e => new HomeItem(e.Title.InCurrentCulture().Text, $"/events/{e.Id}", HelsinkiTime.FormatDateTime(e.StartsAt)))],
                Order: 10, Empty: l["HomeNoUpcomingEvents"], More: new HomeItem(l["HomeAllEvents"], "/events"))];
        }

        var sections = new List<HomeSection>();
        var coordinator = user.IsInRole(Roles.Coordinator);
        if (coordinator || user.IsInRole(Roles.ProjectManager))
        {
            var week = await (await EventAccess.VisibleAsync(db.Events.AsNoTracking(), db, user, cancellationToken))
                .Where(e => e.Status == EventStatus.Scheduled && e.StartsAt >= now && e.StartsAt < now.AddDays(7))
                .OrderBy(e => e.StartsAt).Take(20).ToListAsync(cancellationToken);
            var ids = week.Select(e => e.Id).ToList();
            var waiting = (await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.EventId) && r.Status == RegistrationStatus.Waitlisted)
                    .GroupBy(r => r.EventId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                .ToDictionary(x => x.Key, x => x.Count);
            sections.Add(new HomeSection("events-this-week", l["HomeEventsThisWeek"], [.. week.Select(e => new HomeItem(
                    e.Title.InCurrentCulture().Text,
                    coordinator ? $"/events/{e.Id}/registrations" : $"/events/{e.Id}",
                    $"{HelsinkiTime.FormatDateTime(e.StartsAt)} · {Registrations(e, waiting.GetValueOrDefault(e.Id))}"))],
                Order: 20, Empty: l["HomeNoEventsThisWeek"], More: new HomeItem(l["HomeAllEvents"], "/events")));
        }

        var email = user.Email();
        if (email is not null)
        {
            var mine = await (from r in db.Registrations.AsNoTracking()
                              join e in db.Events.AsNoTracking() on r.EventId equals e.Id
                              where r.Email == email && r.Status != RegistrationStatus.Cancelled && e.Status == EventStatus.Scheduled && e.StartsAt >= now
                              orderby e.StartsAt
                              select new { e, r.Status }).Take(10).ToListAsync(cancellationToken);
            // Members and managers see the section even when empty (where to look); others only when they have registrations.
            if (mine.Count > 0 || user.IsInRole(Roles.Member) || user.IsInRole(Roles.ProjectManager))
            {
                sections.Add(new HomeSection("my-registrations", l["HomeMyRegistrations"], [.. mine.Select(x => new HomeItem(
                        x.e.Title.InCurrentCulture().Text,
                        $"/events/{x.e.Id}",
                        x.Status == RegistrationStatus.Waitlisted ? $"{HelsinkiTime.FormatDateTime(x.e.StartsAt)} · {l["HomeWaitlisted"]}" : HelsinkiTime.FormatDateTime(x.e.StartsAt)))],
                    Order: 30, Empty: l["HomeNoRegistrations"], More: new HomeItem(l["HomeAllEvents"], "/events")));
            }
        }

        if (user.PersonId() is { } personId)
        {
            var items = await (from i in db.ActionItems.AsNoTracking()
                               join e in db.Events.AsNoTracking() on i.EventId equals e.Id
                               where i.PersonId == personId && i.Status == ActionItemStatus.Open
                               orderby i.Due
                               select new { i.What, i.Due, e.Title }).Take(10).ToListAsync(cancellationToken);
            if (items.Count > 0)
            {
                var today = HelsinkiTime.Today(clock);
                sections.Add(new HomeSection("my-action-items", l["MyActionItems"], [.. items.Select(x => new HomeItem(
                        x.What,
                        "/events/action-items",
                        $"{x.Due.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}{(x.Due < today ? " · " + l["Overdue"] : "")} · {x.Title.InCurrentCulture().Text}"))],
                    Order: 35, Empty: l["NoOpenActionItems"], More: new HomeItem(l["MyActionItems"], "/events/action-items")));
            }
        }

        return sections;
    }

    private string Registrations(Event e, int waiting)
    {
        var registered = e.Capacity is { } capacity
            ? string.Format(CultureInfo.CurrentCulture, l["HomeRegisteredOfCapacity"], e.RegisteredCount, capacity)
            : string.Format(CultureInfo.CurrentCulture, e.RegisteredCount == 1 ? l["HomeRegistered_One"] : l["HomeRegistered_Other"], e.RegisteredCount);
        return waiting == 0 ? registered : $"{registered}, {string.Format(CultureInfo.CurrentCulture, l["HomeWaiting"], waiting)}";
    }
}
