using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Coordination.Events.Features.Calendar;

/// <summary>A personal calendar feed: calendar apps cannot sign in, so each person may make a
/// secret address that shows the events the site shows them — by the roles and steering groups
/// they hold when the feed is fetched, so a role taken away takes its events out. The address carries the feed's id
/// protected with the site's keys (nothing secret is stored); making a new one or turning the feed
/// off deletes the old id, and with it every copy of the old address.</summary>
internal sealed class PersonalFeedEndpoints : ICarterModule
{
    private const string Purpose = "Coordination.Events.CalendarFeed";

    public sealed record FeedDto(string Url, DateTime CreatedAt);

    public sealed record PageModel(FeedDto? Feed, string? Saved);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/events/feeds/{token}.ics", async Task<IResult> (string token, string? lang, EventsDbContext db, IDataProtectionProvider protection, IUserRoles roles, HttpContext context, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            {
                var id = protection.CreateProtector(Purpose).UnprotectId(token);
                var feed = id is null ? null : await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
                if (feed is null)
                {
                    return TypedResults.NotFound();
                }

                // The person as a site sign-in now: their roles and their steering groups, the site's rule.
                var person = await roles.CurrentUserAsync(feed.UserId, ct);
                var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
                var visible = await EventAccess.VisibleAsync(db.Events.AsNoTracking(), db, person, ct);
                var events = await visible.Where(e => e.EndsAt >= since).OrderBy(e => e.StartsAt).Take(2000).ToListAsync(ct);
                return TypedResults.Text(CalendarEndpoints.Serialize(events, PublicUrl.Base(configuration), culture: CalendarEndpoints.Language(lang)), "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/events/calendar-feed").RequireAuthorization(Policies.NetworkMember).WithTags("Events");
        api.MapGet("/", async Task<Results<Ok<FeedDto>, ProblemHttpResult>> (EventsDbContext db, IDataProtectionProvider protection, ClaimsPrincipal user, IConfiguration configuration, CancellationToken ct) =>
                await FindAsync(db, protection, user, PublicUrl.Base(configuration), ct) is { } feed ? TypedResults.Ok(feed) : ApiResults.NotFound())
            .WithSummary("The address of one's personal calendar feed (404: none made)");
        api.MapPost("/", async Task<Created<FeedDto>> (EventsDbContext db, IDataProtectionProvider protection, ClaimsPrincipal user, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Created("/api/v1/events/calendar-feed", await RenewAsync(db, protection, user, PublicUrl.Base(configuration), clock, ct)))
            .WithSummary("Makes a new secret address for one's personal calendar feed; the old one stops working");
        api.MapDelete("/", async Task<NoContent> (EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                await TurnOffAsync(db, user, clock, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Turns one's personal calendar feed off");

        var pages = app.MapGroup("/events/my-calendar").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (string? saved, EventsDbContext db, IDataProtectionProvider protection, ClaimsPrincipal user, IConfiguration configuration, CancellationToken ct) =>
            new RazorComponentResult<MyCalendarPage>(new { Model = new PageModel(await FindAsync(db, protection, user, PublicUrl.Base(configuration), ct), saved is "made" or "off" ? saved : null) }));
        pages.MapPost("/", async (EventsDbContext db, IDataProtectionProvider protection, ClaimsPrincipal user, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
        {
            await RenewAsync(db, protection, user, PublicUrl.Base(configuration), clock, ct);
            return TypedResults.Redirect("/events/my-calendar?saved=made");
        });
        pages.MapPost("/off", async (EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        {
            await TurnOffAsync(db, user, clock, ct);
            return TypedResults.Redirect("/events/my-calendar?saved=off");
        });
    }

    private static string Url(IDataProtectionProvider protection, string baseUrl, Guid id) => $"{baseUrl}/events/feeds/{protection.CreateProtector(Purpose).ProtectId(id)}.ics";

    private static async Task<FeedDto?> FindAsync(EventsDbContext db, IDataProtectionProvider protection, ClaimsPrincipal user, string baseUrl, CancellationToken ct)
    {
        var me = user.UserId();
        return await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == me, ct) is { } feed ? new FeedDto(Url(protection, baseUrl, feed.Id), feed.CreatedAt) : null;
    }

    private static async Task<FeedDto> RenewAsync(EventsDbContext db, IDataProtectionProvider protection, ClaimsPrincipal user, string baseUrl, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId()!;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.CalendarFeeds.Where(f => f.UserId == me).ExecuteDeleteAsync(ct);
        // A random id, not a time-ordered one: the address must not be guessable from another.
        var feed = new CalendarFeed { Id = Guid.NewGuid(), UserId = me, CreatedAt = now };
        db.CalendarFeeds.Add(feed);
        db.Audit(me, "RenewCalendarFeed", nameof(CalendarFeed), me, null, now);
        await db.SaveChangesAsync(ct);
        return new FeedDto(Url(protection, baseUrl, feed.Id), feed.CreatedAt);
    }

    private static async Task TurnOffAsync(EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId()!;
        if (await db.CalendarFeeds.Where(f => f.UserId == me).ExecuteDeleteAsync(ct) > 0)
        {
            db.Audit(me, "TurnOffCalendarFeed", nameof(CalendarFeed), me, null, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
    }
}
