using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Events.Registering;
using Coordination.Events.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.Attendance;

/// <summary>Marking the event held, which publishes <see cref="EventHeld"/> once with the
/// attendees, and taking it back (<see cref="EventHeldRetracted"/>); the page's refusals are
/// shown on the registration list.</summary>
internal sealed class HeldEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/events/{id:guid}").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapPost("/held", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
            {
                // Marking held sends the attendance to statistics and the feedback survey out (taken back only until the survey has answers): the organiser confirms it.
                var outcome = form.Text("confirm") == "true" ? await MarkHeldAsync(db, id, user, clock, ct) : HeldOutcome.NotConfirmed;
                if (outcome == HeldOutcome.NotFound)
                {
                    return TypedResults.NotFound();
                }

                if (outcome == HeldOutcome.Held)
                {
                    return TypedResults.Redirect($"/events/{id}/registrations?saved=held");
                }

                var errors = new FormErrors();
                errors.Add("confirm", l[outcome == HeldOutcome.NotConfirmed ? "MarkHeldConfirmRequired" : HeldRefusal(outcome)]);
                return (await AttendanceEndpoints.PageAsync(db, id, new RegistrationInput(null, null), errors, null, clock, ct, StatusCodes.Status400BadRequest))!;
            });
        pages.MapPost("/held/undo", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
            {
                var outcome = form.Text("confirmUndo") == "true" ? await RetractHeldAsync(db, id, user, clock, ct) : RetractOutcome.NotConfirmed;
                switch (outcome)
                {
                    case RetractOutcome.NotFound:
                        return TypedResults.NotFound();
                    case RetractOutcome.Retracted:
                        return TypedResults.Redirect($"/events/{id}/registrations?saved=unheld");
                }

                var errors = new FormErrors();
                errors.Add("confirmUndo", l[outcome == RetractOutcome.NotConfirmed ? "UndoHeldConfirmRequired" : RetractRefusal(outcome)]);
                return (await AttendanceEndpoints.PageAsync(db, id, new RegistrationInput(null, null), errors, null, clock, ct, StatusCodes.Status400BadRequest))!;
            });

        var api = app.MapGroup("/api/v1/events/{id:guid}").RequireAuthorization(Policies.Coordinator).WithTags("Events");
        api.MapPost("/held", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
                await MarkHeldAsync(db, id, user, clock, ct) switch
                {
                    HeldOutcome.NotFound => ApiResults.NotFound(),
                    HeldOutcome.Held => TypedResults.NoContent(),
                    var refused => ApiResults.Conflict(l[HeldRefusal(refused)]),
                })
            .WithSummary("Marks the event held and publishes EventHeld with its attendees (once); 409 before the event has begun or when it was cancelled");
        api.MapDelete("/held", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
                await RetractHeldAsync(db, id, user, clock, ct) switch
                {
                    RetractOutcome.NotFound => ApiResults.NotFound(),
                    RetractOutcome.Retracted => TypedResults.NoContent(),
                    var refused => ApiResults.Conflict(l[RetractRefusal(refused)]),
                })
            .WithSummary("Takes back \"marked held\" and publishes EventHeldRetracted; 409 when the event is not marked held or its feedback survey has answers");
    }

    private enum HeldOutcome
    {
        NotFound,
        Held,
        NotStarted,
        Cancelled,
        NotConfirmed,
    }

    private enum RetractOutcome
    {
        NotFound,
        Retracted,
        NotHeld,
        FeedbackAnswered,
        NotConfirmed,
    }

    private static string RetractRefusal(RetractOutcome outcome) => outcome == RetractOutcome.NotHeld ? "UndoHeldNotHeld" : "UndoHeldFeedbackAnswered";

    /// <summary>Takes back "marked held" until the feedback survey has answers (then the answers
    /// would lose their event). The event is scheduled again and may be marked held anew.</summary>
    private static async Task<RetractOutcome> RetractHeldAsync(EventsDbContext db, Guid id, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return RetractOutcome.NotFound;
        }

        if (e.Status != EventStatus.Held || e.HeldAt is not { } heldAt)
        {
            return RetractOutcome.NotHeld;
        }

        if (e.FeedbackAnsweredAt is not null)
        {
            return RetractOutcome.FeedbackAnswered;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        e.Status = EventStatus.Scheduled;
        e.HeldAt = null;
        db.Publish(new EventHeldRetracted(e.Id, e.NetworkId, heldAt, now), now);
        db.Audit(user.UserId(), "RetractEventHeld", nameof(Event), id.ToString(), heldAt.ToString("O", CultureInfo.InvariantCulture), now);
        await db.SaveChangesAsync(ct);
        return RetractOutcome.Retracted;
    }

    private static string HeldRefusal(HeldOutcome outcome) => outcome == HeldOutcome.NotStarted ? "MarkHeldNotStarted" : "MarkHeldCancelled";

    /// <summary>Marks held once the event has begun (an event cannot be held ahead of time, nor a
    /// cancelled one); marking again changes nothing (after an undo it publishes a new EventHeld).</summary>
    private static async Task<HeldOutcome> MarkHeldAsync(EventsDbContext db, Guid id, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return HeldOutcome.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (e.Status == EventStatus.Held)
        {
            return HeldOutcome.Held;
        }

        if (e.Status == EventStatus.Cancelled)
        {
            return HeldOutcome.Cancelled;
        }

        if (e.StartsAt > now)
        {
            return HeldOutcome.NotStarted;
        }

        e.Status = EventStatus.Held;
        e.HeldAt = now;
        var held = await Integration.EventMessages.HeldAsync(db, e, ct);
        db.Publish(held, now);
        db.Audit(user.UserId(), "MarkEventHeld", nameof(Event), id.ToString(), held.ParticipantCount.ToString(CultureInfo.InvariantCulture), now);
        await db.SaveChangesAsync(ct);
        return HeldOutcome.Held;
    }}
