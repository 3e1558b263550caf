using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
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

/// <summary>The organiser's registration list: attendance (bulk), walk-ins and cancelling a
/// registration; marking the event held is in <see cref="HeldEndpoints"/>.</summary>
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
    }

    /// <summary>The registration list page (also HeldEndpoints' answer when it refuses).</summary>
    internal static async Task<IResult?> PageAsync(EventsDbContext db, Guid id, RegistrationInput walkIn, FormErrors errors, string? saved, TimeProvider clock, CancellationToken ct, int status = StatusCodes.Status200OK)
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
}
