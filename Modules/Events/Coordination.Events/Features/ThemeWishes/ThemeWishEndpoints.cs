using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.ThemeWishes;

internal sealed record WishInput(string? Text);

/// <summary>Members propose themes for a development day and vote (one vote per member and
/// theme); the organiser sees the ranking. Only those who may see the event (its audience) read,
/// propose or vote; to others the event's wishes do not exist (404), so not even its title shows.</summary>
internal sealed class ThemeWishEndpoints : ICarterModule
{
    public sealed record WishDto(Guid Id, string Text, int Votes, bool VotedByMe, DateTime CreatedAt);

    public sealed record Created(Guid Id);

    public sealed record PageModel(Event Event, List<WishDto> Wishes, FormErrors Errors, string? Text);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/events/{id:guid}/themes").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (Guid id, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            await PageAsync(db, id, user, FormErrors.None, null, ct) ?? TypedResults.NotFound());
        pages.MapPost("/", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
        {
            var text = form.Text("text");
            var (found, _, errors) = await ProposeAsync(db, id, new WishInput(text), user, clock, l, ct);
            return !found ? TypedResults.NotFound()
                : errors.IsEmpty ? TypedResults.Redirect($"/events/{id}/themes")
                : (await PageAsync(db, id, user, errors, text, ct, StatusCodes.Status400BadRequest))!;
        });
        pages.MapPost("/{wishId:guid}/vote", async Task<IResult> (Guid id, Guid wishId, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            await ToggleVoteAsync(db, id, wishId, user, clock, ct) ? TypedResults.Redirect($"/events/{id}/themes") : TypedResults.NotFound());

        var api = app.MapGroup("/api/v1/events/{id:guid}/theme-wishes").RequireAuthorization(Policies.NetworkMember).WithTags("Events");
        api.MapGet("/", async Task<Results<Ok<List<WishDto>>, ProblemHttpResult>> (Guid id, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                await VisibleEventAsync(db, id, user, ct) is not null ? TypedResults.Ok(await RankingAsync(db, id, user, ct)) : ApiResults.NotFound())
            .WithSummary("The theme wishes of an event, most votes first");
        api.MapPost("/", async Task<Results<Created<Created>, ValidationProblem, ProblemHttpResult>> (Guid id, WishInput input, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (found, wishId, errors) = await ProposeAsync(db, id, input, user, clock, l, ct);
                return !found ? ApiResults.NotFound() : errors.IsEmpty ? TypedResults.Created($"/api/v1/events/{id}/theme-wishes/{wishId}", new Created(wishId)) : ApiResults.Invalid(errors, shared);
            })
            .WithSummary("Proposes a theme");
        api.MapPut("/{wishId:guid}/vote", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid wishId, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await SetVoteAsync(db, id, wishId, user, clock, true, ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .WithSummary("Votes for a theme (again: no change)");
        api.MapDelete("/{wishId:guid}/vote", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid wishId, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await SetVoteAsync(db, id, wishId, user, clock, false, ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .WithSummary("Takes one's vote back");
    }

    public static async Task<List<WishDto>> RankingAsync(EventsDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId() ?? "";
        return await db.ThemeWishes.AsNoTracking().Where(w => w.EventId == id)
            .OrderByDescending(w => w.Votes.Count).ThenBy(w => w.CreatedAt)
            .Select(w => new WishDto(w.Id, w.Text, w.Votes.Count, w.Votes.Any(v => v.UserId == me), w.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>The event if <paramref name="user"/> may see it (its audience), else null.</summary>
    private static async Task<Event?> VisibleEventAsync(EventsDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
        => await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) is { } e && await EventAccess.CanSeeAsync(db, e, user, ct) ? e : null;

    private static async Task<IResult?> PageAsync(EventsDbContext db, Guid id, ClaimsPrincipal user, FormErrors errors, string? text, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var e = await VisibleEventAsync(db, id, user, ct);
        return e is null ? null : new RazorComponentResult<ThemeWishesPage>(new { Model = new PageModel(e, await RankingAsync(db, id, user, ct), errors, text) }) { StatusCode = status };
    }

    private static async Task<(bool Found, Guid Id, FormErrors Errors)> ProposeAsync(EventsDbContext db, Guid id, WishInput input, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct)
    {
        if (await VisibleEventAsync(db, id, user, ct) is null)
        {
            return (false, Guid.Empty, FormErrors.None);
        }

        var errors = new FormErrors();
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("text", l["WishRequired"]);
        }
        else if (text.Length > 300)
        {
            errors.Add("text", l.Plural("WishTooLong", 300));
        }
        else if (await db.ThemeWishes.AnyAsync(w => w.EventId == id && w.Text.ToLower() == text.ToLower(), ct))
        {
            errors.Add("text", l["WishExists"]);
        }

        if (!errors.IsEmpty)
        {
            return (true, Guid.Empty, errors);
        }

        var wish = new ThemeWish { Id = Guid.CreateVersion7(), EventId = id, Text = text!, ProposedBy = user.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ThemeWishes.Add(wish);
        await db.SaveChangesAsync(ct);
        return (true, wish.Id, FormErrors.None);
    }

    private static async Task<bool> ToggleVoteAsync(EventsDbContext db, Guid id, Guid wishId, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId() ?? "";
        var voted = await db.ThemeVotes.AnyAsync(v => v.WishId == wishId && v.UserId == me, ct);
        return await SetVoteAsync(db, id, wishId, user, clock, !voted, ct);
    }

    private static async Task<bool> SetVoteAsync(EventsDbContext db, Guid id, Guid wishId, ClaimsPrincipal user, TimeProvider clock, bool vote, CancellationToken ct)
    {
        if (await VisibleEventAsync(db, id, user, ct) is null || !await db.ThemeWishes.AnyAsync(w => w.Id == wishId && w.EventId == id, ct))
        {
            return false;
        }

        var me = user.UserId() ?? "";
        var existing = await db.ThemeVotes.SingleOrDefaultAsync(v => v.WishId == wishId && v.UserId == me, ct);
        if (vote && existing is null)
        {
            db.ThemeVotes.Add(new ThemeVote { WishId = wishId, UserId = me, VotedAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (!vote && existing is not null)
        {
            db.ThemeVotes.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same vote from another tab a moment earlier: the key already holds it.
        }

        return true;
    }
}
