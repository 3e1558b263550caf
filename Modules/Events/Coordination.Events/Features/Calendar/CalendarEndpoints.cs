using Carter;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Coordination.Events.Features.Calendar;

/// <summary>iCalendar (RFC 5545, with Ical.Net): one event, the feed of all public events, a
/// network's feed of its public events (calendar apps cannot sign in: the events a person may see
/// are in their personal feed, <see cref="PersonalFeedEndpoints"/>). Times carry the
/// Europe/Helsinki zone; UID stays, SEQUENCE rises with each change, a cancelled event is
/// STATUS:CANCELLED. Feeds never carry online links.</summary>
internal sealed class CalendarEndpoints : ICarterModule
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{id:guid}.ics", async Task<IResult> (Guid id, EventsDbContext db, HttpContext context, IConfiguration configuration, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                if (e is null)
                {
                    return TypedResults.NotFound();
                }

                if (!EventAccess.CanSee(e.Audience, context.User))
                {
                    return context.User.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Challenge();
                }

                return Ics([e], PublicUrl.Base(configuration), $"event-{HelsinkiTime.ToLocal(e.StartsAt):yyyy-MM-dd}.ics");
            })
            .AllowAnonymous()
            .WithTags("Events")
            .WithSummary("One event as iCalendar");

        app.MapGet("/events/calendar.ics", async (EventsDbContext db, HttpContext context, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            {
                var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
                var events = await db.Events.AsNoTracking().Where(e => e.Audience == EventAudience.Public && e.EndsAt >= since).OrderBy(e => e.StartsAt).Take(2000).ToListAsync(ct);
                return Ics(events, PublicUrl.Base(configuration), null);
            })
            .AllowAnonymous()
            .WithTags("Events")
            .WithSummary("Subscribable feed of all public events (from 90 days back)");

        app.MapGet("/events/networks/{networkId:guid}/calendar.ics", async (Guid networkId, EventsDbContext db, HttpContext context, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            {
                // Anyone may fetch it: public events only, and titles, times and places only.
                var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
                var events = await db.Events.AsNoTracking().Where(e => e.NetworkId == networkId && e.Audience == EventAudience.Public && e.EndsAt >= since).OrderBy(e => e.StartsAt).Take(2000).ToListAsync(ct);
                return Ics(events, PublicUrl.Base(configuration), null, withDescriptions: false);
            })
            .AllowAnonymous()
            .WithTags("Events")
            .WithSummary("Subscribable feed of one network's public events: titles, times and places");
    }

    /// <summary>The calendar text of <paramref name="events"/>.</summary>
    public static string Serialize(IEnumerable<Event> events, string baseUrl, bool withDescriptions = true)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Coordination//Events//FI", Method = "PUBLISH" };
        calendar.AddTimeZone(new VTimeZone(HelsinkiTime.Zone.Id));
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = $"{e.Id}@coordination",
                Summary = e.Title.Fi,
                DtStart = Local(e.StartsAt),
                DtEnd = Local(e.EndsAt),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(e.UpdatedAt, DateTimeKind.Utc)),
                Sequence = e.Sequence,
                Location = e.Place,
                Url = new Uri($"{baseUrl}/events/{e.Id}"),
                Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            };
            if (withDescriptions && !string.IsNullOrWhiteSpace(e.Description.Fi))
            {
                item.Description = e.Description.Fi;
            }

            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Local(DateTime utc)
    {
        var local = HelsinkiTime.ToLocal(utc);
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, HelsinkiTime.Zone.Id);
    }

    private static IResult Ics(IEnumerable<Event> events, string baseUrl, string? fileName, bool withDescriptions = true)
    {
        var text = Serialize(events, baseUrl, withDescriptions);
        return fileName is null
            ? TypedResults.Text(text, ContentType)
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), ContentType, fileName);
    }

}
