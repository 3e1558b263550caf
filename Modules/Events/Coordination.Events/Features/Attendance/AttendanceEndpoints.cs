using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Events.Registering;
using Coordination.Events.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.Attendance;

internal sealed record AttendanceInput(List<Guid>? RegistrationIds);

/// <summary>The organiser's registration list: attendance (bulk), walk-ins, and marking the
/// event held, which publishes <see cref="EventHeld"/> once with the attendees.</summary>
internal sealed class AttendanceEndpoints : ICarterModule
{
    public sealed record PageModel(Event Event, List<Registration> Registrations, RegistrationInput WalkIn, FormErrors Errors, string? Saved, DateTime Now);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/events/{id:guid}").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/registrations", async Task<IResult> (Guid id, string? saved, EventsDbContext db, TimeProvider clock, CancellationToken ct) =>
            await PageAsync(db, id, new RegistrationInput(null, null), FormErrors.None, saved, clock, ct) ?? TypedResults.NotFound());
        pages.MapPost("/attendance", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            await SetAttendanceAsync(db, id, form.Ids("attended"), user, clock, ct)
                ? TypedResults.Redirect($"/events/{id}/registrations?saved=attendance")
                : TypedResults.NotFound());
        pages.MapPost("/walk-ins", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, IValidator<RegistrationInput> validator, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
        {
            var input = new RegistrationInput(form.Text("name"), form.Text("email"), form.Text("organisation"));
            var (found, errors) = await AddWalkInAsync(db, validator, id, input, user, clock, l, ct);
            return !found ? TypedResults.NotFound()
                : errors.IsEmpty ? TypedResults.Redirect($"/events/{id}/registrations?saved=walkin")
                : (await PageAsync(db, id, input, errors, null, clock, ct, StatusCodes.Status400BadRequest))!;
        });
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
                return (await PageAsync(db, id, new RegistrationInput(null, null), errors, null, clock, ct, StatusCodes.Status400BadRequest))!;
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
                return (await PageAsync(db, id, new RegistrationInput(null, null), errors, null, clock, ct, StatusCodes.Status400BadRequest))!;
            });
        pages.MapPost("/registrations/{registrationId:guid}/cancel", async Task<IResult> (Guid id, Guid registrationId, IFormCollection form, Registrar registrar, CancellationToken ct) =>
            await registrar.CancelAsync(null, registrationId, registrar.BaseUrl(), ct) == id ? TypedResults.Redirect($"/events/{id}/registrations?saved=cancelled") : TypedResults.NotFound());

        var api = app.MapGroup("/api/v1/events/{id:guid}").RequireAuthorization(Policies.Coordinator).WithTags("Events");
        api.MapPut("/attendance", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, AttendanceInput input, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await SetAttendanceAsync(db, id, input.RegistrationIds ?? [], user, clock, ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .WithSummary("Sets who attended: the listed registrations attended, the others did not");
        api.MapPost("/walk-ins", async Task<Results<Created<Registered>, ValidationProblem, ProblemHttpResult>> (Guid id, RegistrationInput input, EventsDbContext db, IValidator<RegistrationInput> validator, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (found, errors) = await AddWalkInAsync(db, validator, id, input, user, clock, l, ct);
                if (!found)
                {
                    return ApiResults.NotFound();
                }

                if (!errors.IsEmpty)
                {
                    return ApiResults.Invalid(errors, shared);
                }

                var email = input.Email!.Trim().ToLowerInvariant();
                var walkIn = await db.Registrations.SingleAsync(r => r.EventId == id && r.Email == email, ct);
                return TypedResults.Created($"/api/v1/events/{id}/registrations/{walkIn.Id}", new Registered(walkIn.Id, "registered"));
            })
            .WithSummary("Adds someone who came without registering, marked attended");
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

    private static async Task<IResult?> PageAsync(EventsDbContext db, Guid id, RegistrationInput walkIn, FormErrors errors, string? saved, TimeProvider clock, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        var registrations = await Registrar.ListAsync(db, id, ct);
        return new RazorComponentResult<AttendancePage>(new { Model = new PageModel(e, registrations, walkIn, errors, saved, clock.GetUtcNow().UtcDateTime) }) { StatusCode = status };
    }

    private static async Task<bool> SetAttendanceAsync(EventsDbContext db, Guid id, List<Guid> attended, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == id, ct))
        {
            return false;
        }

        var registrations = await db.Registrations.Where(r => r.EventId == id && r.Status == RegistrationStatus.Registered).ToListAsync(ct);
        foreach (var registration in registrations)
        {
            registration.Attended = attended.Contains(registration.Id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Audit(user.UserId(), "MarkAttendance", nameof(Event), id.ToString(), registrations.Count(r => r.Attended).ToString(CultureInfo.InvariantCulture), now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<(bool Found, FormErrors Errors)> AddWalkInAsync(EventsDbContext db, IValidator<RegistrationInput> validator, Guid id, RegistrationInput input, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == id, ct))
        {
            return (false, FormErrors.None);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (!errors.IsEmpty)
        {
            return (true, errors);
        }

        var email = input.Email!.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Registrations.SingleOrDefaultAsync(r => r.EventId == id && r.Email == email, ct);
        if (existing is { Status: RegistrationStatus.Registered })
        {
            existing.Attended = true;
        }
        else if (existing is not null)
        {
            errors.Add("email", l["WalkInAlreadyListed"]);
            return (true, errors);
        }
        else
        {
            db.Registrations.Add(new Registration
            {
                Id = Guid.CreateVersion7(), EventId = id, Name = input.Name!.Trim(), Email = email, Organisation = input.Organisation?.Trim(),
                Status = RegistrationStatus.Registered, Number = now.Ticks, CreatedAt = now, Attended = true, WalkIn = true,
                CancelTokenHash = Registrar.Hash(Guid.NewGuid().ToString("N")), ReminderSentAt = now,
            });
        }

        db.Audit(user.UserId(), "AddWalkIn", nameof(Event), id.ToString(), null, now);
        await db.SaveChangesAsync(ct);
        return (true, FormErrors.None);
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
    }
}
