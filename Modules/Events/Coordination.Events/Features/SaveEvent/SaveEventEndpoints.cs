using System.Security.Claims;
using Carter;
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

namespace Coordination.Events.Features.SaveEvent;

/// <summary>Coordinators create, edit and cancel events: form pages and POST/PUT /api/v1/events.</summary>
internal sealed class SaveEventEndpoints : ICarterModule
{
    public sealed record Created(Guid Id, List<Guid> Occurrences);

    public sealed record FormModel(Guid? Id, EventInput Input, FormErrors Errors, List<KnownNetwork> Networks, List<KnownProject> Projects, bool Cancelled);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/events/manage").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/new", async (Guid? networkId, EventsDbContext db, CancellationToken ct) =>
            await FormAsync(db, null, new EventInput(networkId, "networkMeeting", null, null, null, "network"), FormErrors.None, false, ct));
        pages.MapPost("/new", async Task<IResult> (IFormCollection form, EventSaver saver, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = EventInput.From(form);
            var (ids, errors) = await saver.CreateAsync(input, user.UserId(), ct);
            return ids.Count > 0 ? TypedResults.Redirect($"/events/{ids[0]}?saved=created") : await FormAsync(db, null, input, errors, false, ct, StatusCodes.Status400BadRequest);
        });
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, EventsDbContext db, CancellationToken ct) =>
            await db.Events.AsNoTracking().Include(e => e.Materials).SingleOrDefaultAsync(e => e.Id == id, ct) is { } e
                ? await FormAsync(db, id, EventInput.From(e), FormErrors.None, e.Status == EventStatus.Cancelled, ct)
                : TypedResults.NotFound());
        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, EventSaver saver, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = EventInput.From(form);
            return await saver.UpdateAsync(id, input, user.UserId(), ct) switch
            {
                null => TypedResults.NotFound(),
                { IsEmpty: true } => TypedResults.Redirect($"/events/{id}?saved=updated"),
                var errors => await FormAsync(db, id, input, errors, false, ct, StatusCodes.Status400BadRequest),
            };
        });
        pages.MapPost("/{id:guid}/cancel", async Task<IResult> (Guid id, IFormCollection form, EventSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
            await saver.CancelAsync(id, user.UserId(), ct) ? TypedResults.Redirect($"/events/{id}?saved=cancelled") : TypedResults.NotFound());

        var api = app.MapGroup("/api/v1/events").RequireAuthorization(Policies.Coordinator).WithTags("Events");
        api.MapPost("/", async Task<Results<Created<Created>, ValidationProblem>> (EventInput input, EventSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (ids, errors) = await saver.CreateAsync(input, user.UserId(), ct);
                return ids.Count > 0 ? TypedResults.Created($"/api/v1/events/{ids[0]}", new Created(ids[0], ids)) : ApiResults.Invalid(errors, shared);
            })
            .WithSummary("Creates an event, or with repeat { everyWeeks, count } the occurrences of a series");
        api.MapPut("/{id:guid}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, EventInput input, EventSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await saver.UpdateAsync(id, input, user.UserId(), ct) switch
                {
                    null => ApiResults.NotFound(),
                    { IsEmpty: true } => TypedResults.NoContent(),
                    var errors => ApiResults.Invalid(errors, shared),
                })
            .WithSummary("Edits an event (one occurrence of a series)");
        api.MapPost("/{id:guid}/cancel", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, EventSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
                await saver.CancelAsync(id, user.UserId(), ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .WithSummary("Cancels an event; the registered and waiting are told by e-mail, calendars get CANCELLED");
    }


    private static async Task<IResult> FormAsync(EventsDbContext db, Guid? id, EventInput input, FormErrors errors, bool cancelled, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NameFi).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Acronym ?? p.Name).ThenBy(p => p.Name).ToListAsync(ct);
        return new RazorComponentResult<EventFormPage>(new { Model = new FormModel(id, input, errors, networks, projects, cancelled) }) { StatusCode = status };
    }
}
