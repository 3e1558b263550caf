using System.Globalization;
using Carter;
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

namespace Coordination.Events.Features.Statistics;

/// <summary>What the funder asks: events held and participants per event type, unique
/// participants and organisations reached in a period — as JSON, a page with a chart, CSV and XLSX.</summary>
internal sealed class StatisticsEndpoints : ICarterModule
{
    public sealed record TypeRow(string Type, int Events, int Participants);

    public sealed record Report(DateOnly From, DateOnly To, List<TypeRow> ByType, int Events, int Participants, int UniqueParticipants, int OrganisationsReached);

    public sealed record PageModel(Report Report, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events/statistics", async Task<Results<Ok<Report>, ValidationProblem>> (string? from, string? to, EventsDbContext db, TimeProvider clock, IStringLocalizer<EventsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (range, errors) = Range(from, to, clock, l);
                return errors.IsEmpty ? TypedResults.Ok(await ReportAsync(db, range.From, range.To, ct)) : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Monitoring)
            .WithTags("Events")
            .WithSummary("Events held and participants per type, unique participants and organisations reached; from/to are dates (default: this year)");

        app.MapGet("/events/statistics", async Task<IResult> (string? from, string? to, EventsDbContext db, TimeProvider clock, IStringLocalizer<EventsStrings> l, CancellationToken ct) =>
            {
                var (range, errors) = Range(from, to, clock, l);
                if (!errors.IsEmpty)
                {
                    range = Range(null, null, clock, l).Range;
                }

                return new RazorComponentResult<StatisticsPage>(new { Model = new PageModel(await ReportAsync(db, range.From, range.To, ct), errors) })
                {
                    StatusCode = errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
                };
            })
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();

        foreach (var format in new[] { "csv", "xlsx" })
        {
            app.MapGet($"/api/v1/events/statistics.{format}", async Task<IResult> (string? from, string? to, EventsDbContext db, TimeProvider clock, IStringLocalizer<EventsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                {
                    var (range, errors) = Range(from, to, clock, l);
                    if (!errors.IsEmpty)
                    {
                        return ApiResults.Invalid(errors, shared);
                    }

                    var report = await ReportAsync(db, range.From, range.To, ct);
                    var rows = report.ByType.Select(r => (IReadOnlyList<object?>)[l["Type_" + r.Type].Value, r.Events, r.Participants])
                        .Append([l["Total"].Value, report.Events, report.Participants])
                        .Append([l["UniqueParticipants"].Value, null, report.UniqueParticipants])
                        .Append([l["OrganisationsReached"].Value, null, report.OrganisationsReached]);
                    var table = new ExportTable([l["EventType"], l["EventsHeld"], l["Participants"]], rows);
                    var name = $"events-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}";
                    return format == "xlsx" ? table.ToXlsx(name) : table.ToCsv(name);
                })
                .RequireAuthorization(Policies.Monitoring)
                .WithTags("Events")
                .WithSummary($"The statistics as {format}");
        }
    }

    public static async Task<Report> ReportAsync(EventsDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), HelsinkiTime.Zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), HelsinkiTime.Zone);
        var held = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Held && e.StartsAt >= start && e.StartsAt < end)
            .Select(e => new { e.Id, e.Type })
            .ToListAsync(ct);
        var ids = held.Select(e => e.Id).ToList();
        var attendees = await db.Registrations.AsNoTracking()
            .Where(r => ids.Contains(r.EventId) && r.Attended)
            .Select(r => new { r.EventId, r.Email, r.Organisation })
            .ToListAsync(ct);
        var typeOf = held.ToDictionary(e => e.Id, e => e.Type);
        var byType = Enum.GetValues<EventType>()
            .Select(t => new TypeRow(EnumText.Of(t), held.Count(e => e.Type == t), attendees.Count(a => typeOf[a.EventId] == t)))
            .ToList();
        return new Report(
            from, to, byType, held.Count, attendees.Count,
            attendees.Select(a => a.Email).Distinct().Count(),
            attendees.Where(a => !string.IsNullOrWhiteSpace(a.Organisation)).Select(a => a.Organisation!.Trim().ToLowerInvariant()).Distinct().Count());
    }

    private static ((DateOnly From, DateOnly To) Range, FormErrors Errors) Range(string? from, string? to, TimeProvider clock, IStringLocalizer<EventsStrings> l)
    {
        var errors = new FormErrors();
        var year = HelsinkiTime.Today(clock).Year;
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            errors.Add("from", l["DateInvalid"]);
        }

        if (to is not null && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            errors.Add("to", l["DateInvalid"]);
        }

        if (errors.IsEmpty && end < start)
        {
            errors.Add("to", l["ToBeforeFrom"]);
        }

        return ((start, end), errors);
    }
}
