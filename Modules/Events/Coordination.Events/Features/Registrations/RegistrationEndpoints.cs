using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Events.Registering;

namespace Coordination.Events.Features.Registrations;

/// <summary>Registering (guests for public events, rate limited), cancelling with the personal
/// link, and the organiser's list and its export.</summary>
internal sealed class RegistrationEndpoints : ICarterModule
{
    public sealed record CancelInput(string? Token);

    public sealed record RegistrationDto(Guid Id, string Name, string Email, string? Organisation, string? Needs, string Status, DateTime CreatedAt, bool Attended, bool WalkIn);

    public sealed record ListResponse(List<RegistrationDto> Items);

    public sealed record ResultModel(Guid EventId, string Title, RegisterOutcome Outcome, string? Message);

    public sealed record CancelModel(string Token, string? Title, DateTime? StartsAt, bool Done, bool Unknown);

    public sealed record CancelLinkInput(string? Email);

    public sealed record CancelLinkModel(Guid EventId, string Title, string? Email, FormErrors Errors, bool Sent);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events/{id:guid}/registrations", async Task<IResult> (Guid id, RegistrationInput input, EventsDbContext db, Registrar registrar, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                if (e is null)
                {
                    return ApiResults.NotFound();
                }

                if (!await EventAccess.CanSeeAsync(db, e, user, ct))
                {
                    return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Unauthorized();
                }

                var result = await registrar.RegisterAsync(e, input, registrar.BaseUrl(), ct);
                return result.Outcome switch
                {
                    RegisterOutcome.Registered or RegisterOutcome.Waitlisted => TypedResults.Created(
                        $"/api/v1/events/{id}/registrations/{result.Id}", new Registered(result.Id, result.Outcome == RegisterOutcome.Registered ? "registered" : "waitlisted")),
                    RegisterOutcome.Duplicate => ApiResults.Conflict(result.Message!),
                    RegisterOutcome.Closed => ApiResults.Conflict(result.Message!),
                    _ => ApiResults.Invalid(result.Errors, shared),
                };
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithTags("Events")
            .WithSummary("Registers for an event (guests without sign-in for public events): 201 registered or waitlisted; the same e-mail twice 409");

        app.MapPost("/events/{id:guid}/register", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, Registrar registrar, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().Include(x => x.Materials).SingleOrDefaultAsync(x => x.Id == id, ct);
                if (e is null)
                {
                    return TypedResults.NotFound();
                }

                if (!await EventAccess.CanSeeAsync(db, e, user, ct))
                {
                    return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Challenge();
                }

                var input = new RegistrationInput(form.Text("name"), form.Text("email"), form.Text("organisation"), form.Text("needs"));
                var result = await registrar.RegisterAsync(e, input, registrar.BaseUrl(), ct);
                if (result.Outcome == RegisterOutcome.Invalid)
                {
                    return await BrowseEvents.EventPageResult.RenderAsync(db, e, user, clock, registrar, input, result.Errors, null, ct, StatusCodes.Status400BadRequest);
                }

                return new RazorComponentResult<RegistrationResultPage>(new { Model = new ResultModel(id, e.Title.InCurrentCulture().Text, result.Outcome, result.Message) })
                {
                    StatusCode = result.Outcome is RegisterOutcome.Duplicate or RegisterOutcome.Closed ? StatusCodes.Status409Conflict : StatusCodes.Status200OK,
                };
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();

        // "Send me my cancel link again": the same answer whether or not the address is registered.
        app.MapPost("/api/v1/events/{id:guid}/registrations/cancel-link", async Task<IResult> (Guid id, CancelLinkInput input, EventsDbContext db, Registrar registrar, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<Resources.EventsStrings> l, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                if (e is null)
                {
                    return ApiResults.NotFound();
                }

                if (!await EventAccess.CanSeeAsync(db, e, user, ct))
                {
                    return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Unauthorized();
                }

                if (CancelLinkErrors(input.Email, l) is { IsEmpty: false } errors)
                {
                    return ApiResults.Invalid(errors, shared);
                }

                await registrar.ResendCancelLinkAsync(e, input.Email!, registrar.BaseUrl(), ct);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithTags("Events")
            .WithSummary("Sends a new personal cancel link to an address registered for the event (the old link stops working): 202 whether or not the address is registered");

        app.MapGet("/events/{id:guid}/cancel-link", async Task<IResult> (Guid id, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) is { } e && await EventAccess.CanSeeAsync(db, e, user, ct)
                    ? new RazorComponentResult<CancelLinkPage>(new { Model = new CancelLinkModel(id, e.Title.InCurrentCulture().Text, user.Email(), FormErrors.None, false) })
                    : TypedResults.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapPost("/events/{id:guid}/cancel-link", async Task<IResult> (Guid id, IFormCollection form, EventsDbContext db, Registrar registrar, ClaimsPrincipal user, IStringLocalizer<Resources.EventsStrings> l, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                if (e is null || !await EventAccess.CanSeeAsync(db, e, user, ct))
                {
                    return TypedResults.NotFound();
                }

                var email = form.Text("email");
                var errors = CancelLinkErrors(email, l);
                if (errors.IsEmpty)
                {
                    await registrar.ResendCancelLinkAsync(e, email!, registrar.BaseUrl(), ct);
                }

                return new RazorComponentResult<CancelLinkPage>(new { Model = new CancelLinkModel(id, e.Title.InCurrentCulture().Text, email, errors, errors.IsEmpty) })
                {
                    StatusCode = errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
                };
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();

        app.MapGet("/events/cancel/{token}", async Task<IResult> (string token, EventsDbContext db, CancellationToken ct) =>
            {
                var hash = Registrar.Hash(token);
                var found = await db.Registrations.AsNoTracking().Where(r => r.CancelTokenHash == hash)
                    .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { e.Title, e.StartsAt, r.Status })
                    .SingleOrDefaultAsync(ct);
                return new RazorComponentResult<CancelRegistrationPage>(new
                {
                    Model = new CancelModel(token, found?.Title.InCurrentCulture().Text, found?.StartsAt, found?.Status == RegistrationStatus.Cancelled, found is null),
                })
                { StatusCode = found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK };
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapPost("/events/cancel/{token}", async Task<IResult> (string token, IFormCollection form, Registrar registrar, CancellationToken ct) =>
            {
                var eventId = await registrar.CancelAsync(token, null, registrar.BaseUrl(), ct);
                return new RazorComponentResult<CancelRegistrationPage>(new { Model = new CancelModel(token, null, null, eventId is not null, eventId is null) })
                {
                    StatusCode = eventId is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
                };
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();

        app.MapPost("/api/v1/events/registrations/cancel", async Task<Results<NoContent, ProblemHttpResult>> (CancelInput input, Registrar registrar, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(input.Token) || await registrar.CancelAsync(input.Token, null, registrar.BaseUrl(), ct) is null
                    ? ApiResults.NotFound()
                    : TypedResults.NoContent())
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithTags("Events")
            .WithSummary("Cancels a registration with the token of the personal cancel link; the first in the waiting list gets the seat");

        var organiser = app.MapGroup("/api/v1/events/{id:guid}/registrations").RequireAuthorization(Policies.Coordinator).WithTags("Events");
        organiser.MapGet("/", async Task<Results<Ok<ListResponse>, ProblemHttpResult>> (Guid id, EventsDbContext db, CancellationToken ct) =>
                await db.Events.AnyAsync(e => e.Id == id, ct)
                    ? TypedResults.Ok(new ListResponse([.. (await Registrar.ListAsync(db, id, ct)).Select(Dto)]))
                    : ApiResults.NotFound())
            .WithSummary("The registrations of an event for its organiser, registered first, then the waiting list in order");
        organiser.MapDelete("/{registrationId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid registrationId, Registrar registrar, CancellationToken ct) =>
                await registrar.CancelAsync(null, registrationId, registrar.BaseUrl(), ct) == id ? TypedResults.NoContent() : ApiResults.NotFound())
            .WithSummary("The organiser cancels a registration (the waiting list moves up)");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            app.MapGet($"/api/v1/events/{{id:guid}}/registrations.{format}", async Task<IResult> (Guid id, EventsDbContext db, IStringLocalizer<Resources.EventsStrings> l, CancellationToken ct) =>
                {
                    var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                    if (e is null)
                    {
                        return ApiResults.NotFound();
                    }

                    var rows = await Registrar.ListAsync(db, id, ct);
                    var table = new ExportTable(
                        [l["Name"], l["Email"], l["Organisation"], l["Needs"], l["Status"], l["RegisteredAt"], l["Attended"]],
                        rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Email, r.Organisation, r.Needs, l["Status_" + EnumText.Of(r.Status)].Value, HelsinkiTime.FormatDateTime(r.CreatedAt), r.Attended ? l["Yes"].Value : ""]));
                    var name = $"registrations-{HelsinkiTime.ToLocal(e.StartsAt):yyyy-MM-dd}";
                    return format == "xlsx" ? table.ToXlsx(name) : table.ToCsv(name);
                })
                .RequireAuthorization(Policies.Coordinator)
                .WithTags("Events")
                .WithSummary($"The registration list with needs as {format}");
        }
    }

    private static FormErrors CancelLinkErrors(string? email, IStringLocalizer<Resources.EventsStrings> l)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim()))
        {
            errors.Add("email", l["EmailInvalid"]);
        }

        return errors;
    }

    // Hand-written: the status is written as the API's text (EnumText).
    public static RegistrationDto Dto(Registration r) => new(r.Id, r.Name, r.Email, r.Organisation, r.Needs, EnumText.Of(r.Status), r.CreatedAt, r.Attended, r.WalkIn);
}
