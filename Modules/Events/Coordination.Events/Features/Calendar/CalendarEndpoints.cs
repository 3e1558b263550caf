using System.Globalization;
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
/// Europe/Helsinki zone, whose VTIMEZONE has its STANDARD and DAYLIGHT rules (Outlook needs
/// them); titles and plain-text descriptions are in the reader's language (?lang=sv, else the
/// request's culture), Finnish where a text has no translation; UID stays, SEQUENCE rises with each change, a cancelled event is
/// STATUS:CANCELLED. Feeds never carry online links.</summary>
internal sealed class CalendarEndpoints : ICarterModule
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{id:guid}.ics", async Task<IResult> (Guid id, string? lang, EventsDbContext db, HttpContext context, IConfiguration configuration, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                if (e is null)
                {
                    return TypedResults.NotFound();
                }

                if (!await EventAccess.CanSeeAsync(db, e, context.User, ct))
                {
                    return context.User.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Challenge();
                }

                return Ics([e], PublicUrl.Base(configuration), $"event-{HelsinkiTime.ToLocal(e.StartsAt):yyyy-MM-dd}.ics", Language(lang));
            })
            .AllowAnonymous()
            .CacheForVisitors("Events")
            .WithTags("Events")
            .WithSummary("One event as iCalendar");

        app.MapGet("/events/calendar.ics", async (string? lang, EventsDbContext db, HttpContext context, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            {
                var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
                var events = await db.Events.AsNoTracking().Where(e => e.Audience == EventAudience.Public && e.EndsAt >= since).OrderBy(e => e.StartsAt).Take(2000).ToListAsync(ct);
                return Ics(events, PublicUrl.Base(configuration), null, Language(lang));
            })
            .AllowAnonymous()
            .CacheForVisitors("Events")
            .WithTags("Events")
            .WithSummary("Subscribable feed of all public events (from 90 days back); ?lang=fi|sv|en");

        app.MapGet("/events/networks/{networkId:guid}/calendar.ics", async (Guid networkId, string? lang, EventsDbContext db, HttpContext context, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            {
                // Anyone may fetch it: public events only, and titles, times and places only.
                var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
                var events = await db.Events.AsNoTracking().Where(e => e.NetworkId == networkId && e.Audience == EventAudience.Public && e.EndsAt >= since).OrderBy(e => e.StartsAt).Take(2000).ToListAsync(ct);
                return Ics(events, PublicUrl.Base(configuration), null, Language(lang), withDescriptions: false);
            })
            .AllowAnonymous()
            .CacheForVisitors("Events")
            .WithTags("Events")
            .WithSummary("Subscribable feed of one network's public events: titles, times and places");
    }

    /// <summary>The calendar text of <paramref name="events"/>.</summary>
    public static string Serialize(IEnumerable<Event> events, string baseUrl, bool withDescriptions = true, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var list = events.ToList();
        var calendar = new Ical.Net.Calendar { ProductId = "-//Coordination//Events//FI", Method = "PUBLISH" };
        var earliest = list.Count == 0 ? DateTime.UtcNow : list.Min(e => e.StartsAt);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(HelsinkiTime.Zone.Id, HelsinkiTime.ToLocal(earliest).AddYears(-1), includeHistoricalData: false));
        foreach (var e in list)
        {
            var item = new CalendarEvent
            {
                Uid = $"{e.Id}@coordination",
                Summary = e.Title.In(culture).Text,
                DtStart = Local(e.StartsAt),
                DtEnd = Local(e.EndsAt),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(e.UpdatedAt, DateTimeKind.Utc)),
                Sequence = e.Sequence,
                Location = e.Place,
                Url = new Uri($"{baseUrl}/events/{e.Id}"),
                Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            };
            if (withDescriptions && MarkdownRenderer.ToPlainText(e.Description.In(culture).Text) is { Length: > 0 } description)
            {
                item.Description = description;
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

    /// <summary>A calendar app fetches a feed without the reader's language: ?lang= gives it.</summary>
    public static CultureInfo Language(string? lang)
        => lang?.Trim().ToLowerInvariant() is "fi" or "sv" or "en" ? CultureInfo.GetCultureInfo(lang.Trim().ToLowerInvariant()) : CultureInfo.CurrentUICulture;

    private static IResult Ics(IEnumerable<Event> events, string baseUrl, string? fileName, CultureInfo culture, bool withDescriptions = true)
    {
        var text = Serialize(events, baseUrl, withDescriptions, culture);
        return fileName is null
            ? TypedResults.Text(text, ContentType)
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), ContentType, fileName);
    }

}
