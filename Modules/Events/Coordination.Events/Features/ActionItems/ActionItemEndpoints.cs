using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Contracts;
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

namespace Coordination.Events.Features.ActionItems;

/// <summary>Due as yyyy-MM-dd (a form also takes d.M.yyyy); PersonId a person of the directory.</summary>
internal sealed record ActionItemInput(string? What, Guid? PersonId, string? Due);

/// <summary>Action items agreed at an event: the organiser records them (who — a person of the
/// directory —, what, by when); each person sees and closes their own open items; the
/// coordinator sees every overdue one. Closing records who and when and tells Monitoring.</summary>
internal sealed class ActionItemEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record ItemDto(Guid Id, Guid EventId, string EventTitle, string What, Guid PersonId, string PersonName, DateOnly Due, string Status, DateTime? ClosedAt);

    public sealed record ItemList(List<ItemDto> Items);

    public sealed record FormModel(Event Event, List<KnownPerson> People, ActionItemInput Input, FormErrors Errors);

    public sealed record ListModel(List<ItemDto> Mine, List<ItemDto>? Overdue, DateOnly Today, string? Saved);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var organiser = app.MapGroup("/events/{id:guid}/action-items").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        organiser.MapGet("/new", async Task<IResult> (Guid id, EventsDbContext db, CancellationToken ct) =>
            await FormAsync(db, id, new ActionItemInput(null, null, null), FormErrors.None, ct));
        organiser.MapPost("/", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
        {
            var input = new ActionItemInput(form.Text("what"), form.Id("personId"), form.Text("due"));
            var (found, _, errors) = await AddAsync(db, id, input, user, clock, l, ct);
            return !found ? TypedResults.NotFound()
                : errors.IsEmpty ? TypedResults.Redirect($"/events/{id}/record?saved=item")
                : await FormAsync(db, id, input, errors, ct, StatusCodes.Status400BadRequest);
        });

        var mine = app.MapGroup("/events/action-items").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        mine.MapGet("/", async Task<IResult> (string? saved, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        {
            var today = HelsinkiTime.Today(clock);
            var own = await ListAsync(db, Mine(db, user), ct);
            var overdue = user.IsInRole(Roles.Coordinator) ? await ListAsync(db, db.ActionItems.AsNoTracking().Where(i => i.Status == ActionItemStatus.Open && i.Due < today), ct) : null;
            return new RazorComponentResult<MyActionItemsPage>(new { Model = new ListModel(own, overdue, today, saved) });
        });
        mine.MapPost("/{itemId:guid}/close", async Task<IResult> (Guid itemId, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            await CloseAsync(db, itemId, user, clock, ct) switch
            {
                null => TypedResults.NotFound(),
                false => TypedResults.Forbid(),
                // Closed from the meeting's record page: back there.
                true when form.Text("from") == "record" => TypedResults.Redirect($"/events/{await db.ActionItems.Where(i => i.Id == itemId).Select(i => i.EventId).SingleAsync(ct)}/record?saved=closed"),
                true => TypedResults.Redirect("/events/action-items?saved=closed"),
            });

        var api = app.MapGroup("/api/v1/events").WithTags("Events");
        api.MapPost("/{id:guid}/action-items", async Task<Results<Created<Created>, ValidationProblem, ProblemHttpResult>> (Guid id, ActionItemInput input, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (found, itemId, errors) = await AddAsync(db, id, input, user, clock, l, ct);
                return !found ? ApiResults.NotFound() : errors.IsEmpty ? TypedResults.Created($"/api/v1/events/action-items/{itemId}", new Created(itemId)) : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Records an action item of an event: { what, personId (a directory person), due (yyyy-MM-dd) }");
        api.MapGet("/action-items", async Task<Results<Ok<ItemList>, ForbidHttpResult>> (bool? mine, bool? overdue, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                if (mine != true && !user.IsInRole(Roles.Coordinator))
                {
                    return TypedResults.Forbid();
                }

                var today = HelsinkiTime.Today(clock);
                var query = mine == true ? Mine(db, user) : db.ActionItems.AsNoTracking().Where(i => i.Status == ActionItemStatus.Open);
                if (overdue == true)
                {
                    query = query.Where(i => i.Due < today);
                }

                return TypedResults.Ok(new ItemList(await ListAsync(db, query, ct)));
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Open action items: mine=true the caller's own; otherwise (coordinators) everyone's; overdue=true only those past due");
        api.MapPost("/action-items/{itemId:guid}/close", async Task<Results<NoContent, ProblemHttpResult, ForbidHttpResult>> (Guid itemId, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await CloseAsync(db, itemId, user, clock, ct) switch
                {
                    null => ApiResults.NotFound(),
                    false => TypedResults.Forbid(),
                    true => TypedResults.NoContent(),
                })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Closes an action item (its person or a coordinator); records who and when");
    }

    /// <summary>The signed-in person's open items (none without a directory person).</summary>
    private static IQueryable<ActionItem> Mine(EventsDbContext db, ClaimsPrincipal user)
    {
        var personId = user.PersonId() ?? Guid.Empty;
        return db.ActionItems.AsNoTracking().Where(i => i.PersonId == personId && i.Status == ActionItemStatus.Open);
    }

    private static async Task<List<ItemDto>> ListAsync(EventsDbContext db, IQueryable<ActionItem> items, CancellationToken ct)
    {
        var rows = await (from i in items
                          join e in db.Events.AsNoTracking() on i.EventId equals e.Id
                          join p in db.People.AsNoTracking() on i.PersonId equals p.PersonId into people
                          from p in people.DefaultIfEmpty()
                          orderby i.Due
                          select new { i, e.Title, PersonName = p == null ? "" : p.Name }).Take(500).ToListAsync(ct);
        return [.. rows.Select(r => new ItemDto(r.i.Id, r.i.EventId, r.Title.InCurrentCulture().Text, r.i.What, r.i.PersonId, r.PersonName, r.i.Due, EnumText.Of(r.i.Status), r.i.ClosedAt))];
    }

    private static async Task<IResult> FormAsync(EventsDbContext db, Guid id, ActionItemInput input, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return TypedResults.NotFound();
        }

        var people = await db.People.AsNoTracking().Where(p => p.Name != "").OrderBy(p => p.Name).ToListAsync(ct);
        return new RazorComponentResult<ActionItemFormPage>(new { Model = new FormModel(e, people, input, errors) }) { StatusCode = status };
    }

    private static async Task<(bool Found, Guid Id, FormErrors Errors)> AddAsync(EventsDbContext db, Guid id, ActionItemInput input, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return (false, Guid.Empty, FormErrors.None);
        }

        var errors = new FormErrors();
        var what = input.What?.Trim();
        if (string.IsNullOrEmpty(what))
        {
            errors.Add("what", l["ActionWhatRequired"]);
        }
        else if (what.Length > 1000)
        {
            errors.Add("what", l.Plural("TextTooLong", 1000));
        }

        if (input.PersonId is not { } personId || !await db.People.AnyAsync(p => p.PersonId == personId, ct))
        {
            errors.Add("personId", l["ActionWhoRequired"]);
        }

        DateOnly due = default;
        if (string.IsNullOrWhiteSpace(input.Due)
            || !(DateOnly.TryParseExact(input.Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due)
                 || DateOnly.TryParseExact(input.Due.Trim(), "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out due)))
        {
            errors.Add("due", l["ActionDueInvalid"]);
        }

        if (!errors.IsEmpty)
        {
            return (true, Guid.Empty, errors);
        }

        var item = new ActionItem
        {
            Id = Guid.CreateVersion7(), EventId = id, NetworkId = e.NetworkId, What = what!, PersonId = input.PersonId!.Value, Due = due,
            Status = ActionItemStatus.Open, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.UserId(),
        };
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(ct);
        return (true, item.Id, FormErrors.None);
    }

    /// <summary>Null: no such item; false: not the caller's to close. Closing twice is no change.</summary>
    private static async Task<bool?> CloseAsync(EventsDbContext db, Guid itemId, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.ActionItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return null;
        }

        if (item.PersonId != user.PersonId() && !EventAccess.IsOrganiser(user))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.UserId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Conditional: of two closings at once only one records and publishes.
        if (await db.ActionItems.Where(i => i.Id == itemId && i.Status == ActionItemStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ActionItemStatus.Done).SetProperty(i => i.ClosedAt, now).SetProperty(i => i.ClosedBy, by), ct) == 1)
        {
            db.Publish(new ActionItemClosed(item.Id, item.EventId, item.NetworkId, item.PersonId, item.Due, now), now);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}
