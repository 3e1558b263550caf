using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Events.Meetings;
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

namespace Coordination.Events.Features.RecordMeeting;

/// <summary>An event's record: its agenda, minutes (draft → approved versions), decisions and
/// action items, for those who may see the event (a steering group's only for it and the
/// coordinators); the organiser writes the agenda and minutes, records decisions and approves.</summary>
internal sealed class RecordMeetingEndpoints : ICarterModule
{
    public sealed record ItemRow(ActionItem Item, string PersonName);

    public sealed record PageModel(
        Event Event, List<Minutes> Versions, List<Decision> Decisions, List<ItemRow> Items,
        bool IsOrganiser, FormErrors Errors, string? Saved, Dictionary<string, string?> Values);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/events/{id:guid}/record").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        read.MapGet("/", async Task<IResult> (Guid id, string? saved, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            await PageAsync(db, id, user, FormErrors.None, saved, [], ct));

        var write = app.MapGroup("/events/{id:guid}/record").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        write.MapPost("/agenda", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
        {
            var agenda = form.Text("agenda");
            if (agenda is { Length: > 20000 })
            {
                return await Invalid(db, id, user, "agenda", l.Plural("TextTooLong", 20000), form, ct);
            }

            var e = await db.Events.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return TypedResults.NotFound();
            }

            e.Agenda = agenda;
            e.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Audit(user.UserId(), "EditAgenda", nameof(Event), id.ToString(), e.Title.Fi, e.UpdatedAt);
            await db.SaveChangesAsync(ct);
            return TypedResults.Redirect($"/events/{id}/record?saved=agenda");
        });
        write.MapPost("/minutes", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
        {
            var text = form.Text("minutes");
            if (text is null)
            {
                return await Invalid(db, id, user, "minutes", l["MinutesRequired"], form, ct);
            }

            if (text.Length > 50000)
            {
                return await Invalid(db, id, user, "minutes", l.Plural("TextTooLong", 50000), form, ct);
            }

            if (!await db.Events.AnyAsync(x => x.Id == id, ct))
            {
                return TypedResults.NotFound();
            }

            await MinutesApproval.SaveDraftAsync(db, id, text, user.UserId(), clock.GetUtcNow().UtcDateTime, ct);
            return TypedResults.Redirect($"/events/{id}/record?saved=minutes");
        });
        write.MapPost("/decisions", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
        {
            var text = form.Text("decision");
            if (text is null)
            {
                return await Invalid(db, id, user, "decision", l["DecisionRequired"], form, ct);
            }

            if (text.Length > 4000)
            {
                return await Invalid(db, id, user, "decision", l.Plural("TextTooLong", 4000), form, ct);
            }

            var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return TypedResults.NotFound();
            }

            var decision = new Decision { Id = Guid.CreateVersion7(), EventId = id, NetworkId = e.NetworkId, Text = text, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Decisions.Add(decision);
            db.Audit(user.UserId(), "AddDecision", nameof(Decision), decision.Id.ToString(), e.Title.Fi, decision.CreatedAt);
            await db.SaveChangesAsync(ct);
            return TypedResults.Redirect($"/events/{id}/record?saved=decision");
        });
        write.MapPost("/approve", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
            await MinutesApproval.ApproveAsync(db, id, user.UserId(), clock.GetUtcNow().UtcDateTime, ct) switch
            {
                MinutesApproval.Outcome.NotFound => TypedResults.NotFound(),
                MinutesApproval.Outcome.NoDraft => await Invalid(db, id, user, "minutes", l["NoDraftToApprove"], form, ct),
                _ => TypedResults.Redirect($"/events/{id}/record?saved=approved"),
            });
    }

    private static async Task<IResult> Invalid(EventsDbContext db, Guid id, ClaimsPrincipal user, string field, string message, IFormCollection form, CancellationToken ct)
    {
        var errors = new FormErrors();
        errors.Add(field, message);
        return await PageAsync(db, id, user, errors, null, form.Keys.ToDictionary(k => k, k => form.Text(k)), ct, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> PageAsync(EventsDbContext db, Guid id, ClaimsPrincipal user, FormErrors errors, string? saved, Dictionary<string, string?> values, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return TypedResults.NotFound();
        }

        if (!await EventAccess.CanSeeAsync(db, e, user, ct))
        {
            return TypedResults.Forbid();
        }

        var organiser = EventAccess.IsOrganiser(user);
        var versions = await db.Minutes.AsNoTracking().Where(m => m.EventId == id && (organiser || m.ApprovedAt != null)).OrderByDescending(m => m.Version).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.EventId == id && (organiser || d.Number != null)).OrderBy(d => d.Number == null).ThenBy(d => d.Number).ThenBy(d => d.CreatedAt).ToListAsync(ct);
        var items = await (from i in db.ActionItems.AsNoTracking()
                           join p in db.People.AsNoTracking() on i.PersonId equals p.PersonId into people
                           from p in people.DefaultIfEmpty()
                           where i.EventId == id
                           orderby i.Due
                           select new ItemRow(i, p == null ? "" : p.Name)).ToListAsync(ct);
        return new RazorComponentResult<MeetingRecordPage>(new { Model = new PageModel(e, versions, decisions, items, organiser, errors, saved, values) }) { StatusCode = status };
    }
}
