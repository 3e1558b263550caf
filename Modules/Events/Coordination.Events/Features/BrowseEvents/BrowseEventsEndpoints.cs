using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Coordination.Events.Registering;

namespace Coordination.Events.Features.BrowseEvents;

/// <summary>The event calendar and an event's page, for everyone (what each may see), and
/// GET /api/v1/events.</summary>
internal sealed class BrowseEventsEndpoints : ICarterModule
{
    public sealed record EventSummary(Guid Id, Guid NetworkId, string Type, LocalizedTextInput Title, DateTime StartsAt, DateTime EndsAt, string? Place, string Audience, int? Capacity, int Registered, string Status, Guid? SeriesId, Guid? ProjectId);

    public sealed record EventDetails(
        Guid Id, Guid NetworkId, string Type, LocalizedTextInput Title, LocalizedTextInput Description, DateTime StartsAt, DateTime EndsAt, string? Place,
        string? OnlineLink, string Audience, int? Capacity, int Registered, DateTime? RegistrationOpensAt, DateTime? RegistrationClosesAt, string? Organiser,
        List<string> Themes, List<MaterialDto> Materials, string Status, int Sequence, Guid? SeriesId, Guid? ProjectId);

    public sealed record MaterialDto(string Title, string Url);

    public sealed record ListModel(List<EventListItem> Items, int Total, Paging Paging, string? Type, bool Past);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/events", async Task<IResult> (string? type, bool? past, int? page, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 20);
                var (items, total) = await EventListQuery.RunAsync(db, user, type, null, past == true, clock.GetUtcNow().UtcDateTime, paging, ct);
                return new RazorComponentResult<EventListPage>(new { Model = new ListModel(items, total, paging, type, past == true) });
            })
            .AllowAnonymous()
            .CacheForVisitors("Events")
            .ExcludeFromDescription();

        app.MapGet("/events/{id:guid}", async Task<IResult> (Guid id, string? saved, EventsDbContext db, Registering.Registrar registrar, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
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

                return await EventPageResult.RenderAsync(db, e, user, clock, registrar, null, FormErrors.None, saved, ct);
            })
            .AllowAnonymous()
            .CacheForVisitors("Events")
            .ExcludeFromDescription();

        app.MapGet("/api/v1/events", async Task<Ok<PagedResponse<EventSummary>>> (string? type, Guid? networkId, bool? past, int? page, int? pageSize, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var (items, total) = await EventListQuery.RunAsync(db, user, type, networkId, past == true, clock.GetUtcNow().UtcDateTime, paging, ct);
                return TypedResults.Ok(new PagedResponse<EventSummary>([.. items.Select(Summary)], paging.Page, paging.PageSize, total));
            })
            .AllowAnonymous()
            .WithTags("Events")
            .WithSummary("Upcoming events the caller may see (past=true: earlier ones, newest first); filter by type and network");

        app.MapGet("/api/v1/events/{id:guid}", async Task<Results<Ok<EventDetails>, ProblemHttpResult, ForbidHttpResult, UnauthorizedHttpResult>> (Guid id, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().Include(x => x.Materials).SingleOrDefaultAsync(x => x.Id == id, ct);
                if (e is null)
                {
                    return ApiResults.NotFound();
                }

                if (!await EventAccess.CanSeeAsync(db, e, user, ct))
                {
                    return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Unauthorized();
                }

                return TypedResults.Ok(Details(e, EventAccess.IsOrganiser(user)));
            })
            .AllowAnonymous()
            .WithTags("Events")
            .WithSummary("Reads an event; the online link only for organisers (registered people get it by e-mail)");
    }

    // Hand-written: enums are written as the API's text (EnumText) and the online link is only for organisers.
    public static EventSummary Summary(EventListItem e) => new(
        e.Id, e.NetworkId, EnumText.Of(e.Type), new LocalizedTextInput(e.TitleFi, e.TitleSv, e.TitleEn), e.StartsAt, e.EndsAt, e.Place, EnumText.Of(e.Audience), e.Capacity, e.RegisteredCount, EnumText.Of(e.Status), e.SeriesId, e.ProjectId);

    public static EventDetails Details(Event e, bool withLink) => new(
        e.Id, e.NetworkId, EnumText.Of(e.Type), LocalizedTextInput.From(e.Title), LocalizedTextInput.From(e.Description), e.StartsAt, e.EndsAt, e.Place,
        withLink ? e.OnlineLink : null, EnumText.Of(e.Audience), e.Capacity, e.RegisteredCount, e.RegistrationOpensAt, e.RegistrationClosesAt, e.Organiser,
        e.Themes, [.. e.Materials.Select(m => m.Adapt<MaterialDto>(EventsMappings.Config))], EnumText.Of(e.Status), e.Sequence, e.SeriesId, e.ProjectId);
}
