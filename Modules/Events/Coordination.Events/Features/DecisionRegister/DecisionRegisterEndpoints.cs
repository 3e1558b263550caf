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

namespace Coordination.Events.Features.DecisionRegister;

/// <summary>A network's decision register: the numbered decisions of the events the caller may
/// see (a steering group's only for it and coordinators), by year, theme and event, each linking
/// to its minutes; as a printable page, an XLSX file and GET /api/v1/events/decisions.</summary>
internal sealed class DecisionRegisterEndpoints : ICarterModule
{
    public sealed record DecisionDto(int Number, int Year, string Text, Guid EventId);

    public sealed record DecisionList(List<DecisionDto> Items);

    public sealed record Row(Decision Decision, Event Event);

    public sealed record Filter(Guid? NetworkId, int? Year, string? Theme, Guid? EventId)
    {
        public string Query => string.Join("&", new[]
        {
            NetworkId is { } n ? $"networkId={n}" : null,
            Year is { } y ? $"year={y}" : null,
            string.IsNullOrWhiteSpace(Theme) ? null : $"theme={Uri.EscapeDataString(Theme)}",
            EventId is { } e ? $"eventId={e}" : null,
        }.Where(p => p is not null));
    }

    public sealed record PageModel(Filter Filter, List<KnownNetwork> Networks, List<Row> Rows, List<int> Years, List<string> Themes, List<Event> Events);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/events/decisions").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (Guid? networkId, int? year, string? theme, Guid? eventId, EventsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NameFi).ToListAsync(ct);
            var filter = new Filter(networkId ?? (networks.Count == 1 ? networks[0].NetworkId : null), year, theme, eventId);
            var all = filter.NetworkId is { } n ? await RowsAsync(db, user, n, ct) : [];
            var model = new PageModel(
                filter, networks, Apply(all, filter),
                [.. all.Select(r => r.Decision.Year!.Value).Distinct().OrderDescending()],
                [.. all.SelectMany(r => r.Event.Themes).Distinct(StringComparer.CurrentCultureIgnoreCase).Order(StringComparer.CurrentCulture)],
                [.. all.Select(r => r.Event).DistinctBy(e => e.Id).OrderByDescending(e => e.StartsAt)]);
            return new RazorComponentResult<DecisionRegisterPage>(new { Model = model });
        });
        app.MapGet("/events/decisions.xlsx", async Task<IResult> (Guid? networkId, int? year, string? theme, Guid? eventId, EventsDbContext db, ClaimsPrincipal user, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
        {
            if (networkId is not { } n)
            {
                return TypedResults.NotFound();
            }

            var rows = Apply(await RowsAsync(db, user, n, ct), new Filter(n, year, theme, eventId));
            var table = new ExportTable(
                [l["DecisionNumberColumn"], l["DecisionYearColumn"], l["DecisionText"], l["Event"], l["When"], l["Themes"]],
                rows.Select(r => (IReadOnlyList<object?>)[r.Decision.Number, r.Decision.Year, r.Decision.Text, r.Event.Title.InCurrentCulture().Text, DateOnly.FromDateTime(HelsinkiTime.ToLocal(r.Event.StartsAt)), string.Join(", ", r.Event.Themes)]))
            { Sheet = l["Decisions"] };
            return table.ToXlsx("decisions");
        }).RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();

        app.MapGet("/api/v1/events/decisions", async Task<Results<Ok<DecisionList>, ValidationProblem>> (Guid? networkId, int? year, EventsDbContext db, ClaimsPrincipal user, IStringLocalizer<EventsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                if (networkId is not { } n)
                {
                    var errors = new FormErrors();
                    errors.Add("networkId", l["NetworkRequired"]);
                    return ApiResults.Invalid(errors, shared);
                }

                var rows = Apply(await RowsAsync(db, user, n, ct), new Filter(n, year, null, null));
                return TypedResults.Ok(new DecisionList([.. rows.Select(r => new DecisionDto(r.Decision.Number!.Value, r.Decision.Year!.Value, r.Decision.Text, r.Decision.EventId))]));
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Events")
            .WithSummary("A network's numbered decisions the caller may see, oldest first; year= narrows to one year");
    }

    /// <summary>The numbered decisions of a network's events the user may see. A network's
    /// register is a few hundred decisions a year: the filters run in memory.</summary>
    private static async Task<List<Row>> RowsAsync(EventsDbContext db, ClaimsPrincipal user, Guid networkId, CancellationToken ct)
    {
        var events = await EventAccess.VisibleAsync(db.Events.AsNoTracking().Where(e => e.NetworkId == networkId), db, user, ct);
        var rows = await (from d in db.Decisions.AsNoTracking()
                          join e in events on d.EventId equals e.Id
                          where d.NetworkId == networkId && d.Number != null
                          select new Row(d, e)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Decision.Year).ThenBy(r => r.Decision.Number)];
    }

    private static List<Row> Apply(List<Row> rows, Filter filter)
        => [.. rows.Where(r => (filter.Year is null || r.Decision.Year == filter.Year)
                              && (filter.EventId is null || r.Event.Id == filter.EventId)
                              && (string.IsNullOrWhiteSpace(filter.Theme) || r.Event.Themes.Contains(filter.Theme.Trim(), StringComparer.CurrentCultureIgnoreCase)))];
}
