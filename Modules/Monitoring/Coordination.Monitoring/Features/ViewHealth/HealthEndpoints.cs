using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Health;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Coordination.Monitoring.Features.ViewHealth;

/// <summary>Network health: the ten marks of a functioning network for the network and each of its
/// running projects, with evidence links and next steps, the thresholds (coordinators edit them),
/// the trend kept at each month's end, as a page, JSON and XLSX. Who may read a network's
/// indicators may read its health.</summary>
internal sealed class HealthEndpoints : ICarterModule
{
    public sealed record EvidenceDto(string Kind, string Title, string Href, bool Ok, string? Detail);

    public sealed record MarkDto(string Key, string Status, IReadOnlyList<EvidenceDto> Evidence, string? Next);

    public sealed record ProjectDto(Guid ProjectId, string Name, IReadOnlyList<MarkDto> Marks);

    public sealed record HealthDto(Guid NetworkId, DateTime At, IReadOnlyList<MarkDto> Marks, IReadOnlyList<ProjectDto> Projects, MinutesDto? Minutes);

    /// <summary>Of the network meetings the meetings mark counts (Held), how many have approved minutes; per project, its events with approved minutes.</summary>
    public sealed record MinutesDto(int Held, int WithMinutes, IReadOnlyList<ProjectMinutesDto> Projects);

    public sealed record ProjectMinutesDto(Guid ProjectId, string Name, int WithMinutes);

    public sealed record PageModel(NetworkFact Network, NetworkHealth Health, HealthSettingsInput Settings, FormErrors Errors, List<TrendMonth> Trend, bool Coordinator, Guid? ProjectId, string? Saved, bool NetworkLinks);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string page = "/monitoring/networks/{id:guid}/health";
        app.MapGet(page, async Task<IResult> (Guid id, Guid? projectId, string? saved, MonitoringAccess access, HealthCalculator calculator, HealthService service, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                await access.NetworkAsync(user, id, ct) is { } network
                    ? await PageAsync(network, projectId, null, FormErrors.None, saved, calculator, service, user, clock, ct)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();

        app.MapPost(page + "/settings", async Task<IResult> (Guid id, IFormCollection form, MonitoringAccess access, HealthCalculator calculator, HealthService service, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                if (await access.NetworkAsync(user, id, ct) is not { } network)
                {
                    return TypedResults.NotFound();
                }

                var input = new HealthSettingsInput(form.Text("activityWeeks"), form.Text("rotationMonths"), form.Text("goalMonths"), form.Text("trustMonths"), form.Text("knowledgeMonths"), form.Text("motivationMonths"));
                var errors = await service.SaveSettingsAsync(id, input, user.UserId(), ct);
                return errors.IsEmpty
                    ? TypedResults.Redirect($"/monitoring/networks/{id}/health?saved=settings")
                    : await PageAsync(network, null, input, errors, null, calculator, service, user, clock, ct, StatusCodes.Status400BadRequest);
            })
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapGet("/monitoring/networks/{id:guid}/health.xlsx", async Task<IResult> (Guid id, MonitoringAccess access, HealthCalculator calculator, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<MonitoringStrings> l, CancellationToken ct) =>
                await access.NetworkAsync(user, id, ct) is { } network
                    ? Workbook(network, await calculator.ComputeAsync(id, clock.GetUtcNow().UtcDateTime, ct), l)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();

        const string api = "/api/v1/monitoring/networks/{id:guid}/health";
        app.MapGet(api, async Task<Results<Ok<HealthDto>, ProblemHttpResult>> (Guid id, MonitoringAccess access, HealthCalculator calculator, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<MonitoringStrings> l, CancellationToken ct) =>
                await access.NetworkAsync(user, id, ct) is not null
                    ? TypedResults.Ok(Dto(await calculator.ComputeAsync(id, clock.GetUtcNow().UtcDateTime, ct)))
                    : ApiResults.NotFound(l["NetworkNotFound"]))
            .RequireAuthorization(Policies.Monitoring)
            .WithTags("Monitoring")
            .WithSummary("A network's health: the ten marks (rules, commitment, tasks, leadership, coordination, meetings, goals, trust, knowledge, motivation) with status ok / attention / missing, evidence links and the next step, for the network and each running project; beside them, how many of the meetings have approved minutes (minutes)");

        app.MapPut(api + "/settings", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, SettingsDto input, MonitoringAccess access, HealthService service, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                if (await access.NetworkAsync(user, id, ct) is null)
                {
                    return ApiResults.NotFound(l["NetworkNotFound"]);
                }

                var errors = await service.SaveSettingsAsync(id, input.ToInput(), user.UserId(), ct);
                return errors.IsEmpty ? TypedResults.NoContent() : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Monitoring")
            .WithSummary("Sets a network's health thresholds (weeks or months; each has its limits)");
    }

    /// <summary>The thresholds as JSON numbers.</summary>
    public sealed record SettingsDto(int? ActivityWeeks, int? RotationMonths, int? GoalMonths, int? TrustMonths, int? KnowledgeMonths, int? MotivationMonths)
    {
        public HealthSettingsInput ToInput()
        {
            static string? T(int? v) => v?.ToString(CultureInfo.InvariantCulture);
            return new(T(ActivityWeeks), T(RotationMonths), T(GoalMonths), T(TrustMonths), T(KnowledgeMonths), T(MotivationMonths));
        }
    }

    public static HealthDto Dto(NetworkHealth h)
        => new(h.NetworkId, h.At, [.. h.Marks.Select(Dto)], [.. h.Projects.Select(p => new ProjectDto(p.ProjectId, p.Name, [.. p.Marks.Select(Dto)]))],
            h.Minutes is { } m ? new(m.Held, m.WithMinutes, [.. m.Projects.Select(p => new ProjectMinutesDto(p.ProjectId, p.Name, p.WithMinutes))]) : null);

    private static MarkDto Dto(Mark m) => new(m.Key, m.Status, [.. m.Evidence.Select(e => new EvidenceDto(e.Kind, e.Title, e.Href, e.Ok, e.Detail))], m.Next);

    private static async Task<IResult> PageAsync(NetworkFact network, Guid? projectId, HealthSettingsInput? input, FormErrors errors, string? saved, HealthCalculator calculator, HealthService service, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var health = await calculator.ComputeAsync(network.NetworkId, clock.GetUtcNow().UtcDateTime, ct);
        if (projectId is { } p && health.Projects.All(x => x.ProjectId != p))
        {
            return TypedResults.NotFound();
        }

        input ??= HealthSettingsInput.From(await calculator.SettingsAsync(network.NetworkId, ct));
        var trend = await service.TrendAsync(network.NetworkId, projectId, ct);
        return new RazorComponentResult<HealthPage>(new { Model = new PageModel(network, health, input, errors, trend, MonitoringAccess.IsCoordinator(user), projectId, saved, user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.ProjectManager)) }) { StatusCode = status };
    }

    private static IResult Workbook(NetworkFact network, NetworkHealth health, IStringLocalizer<MonitoringStrings> l)
    {
        string T(string key) => l[key];
        IEnumerable<Dictionary<string, object?>> Rows(string scope, IReadOnlyList<Mark> marks)
            => marks.Select(m => new Dictionary<string, object?>
            {
                [T("HealthScope")] = scope,
                [T("HealthMark")] = T("Mark_" + m.Key),
                [T("HealthStatus")] = T("Status_" + m.Status),
                [T("HealthNext")] = m.Next is null ? null : T("Next_" + m.Next),
                [T("HealthEvidence")] = string.Join("; ", m.Evidence.Select(e => $"{T("Evidence_" + e.Kind)}: {e.Title}")),
            });

        var sheets = new Dictionary<string, object>
        {
            [T("SheetHealth")] = Rows(Indicators.Names.Of(network), health.Marks).Concat(health.Projects.SelectMany(p => Rows(p.Name, p.Marks))).ToList(),
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{T("HealthFileName")}-{HelsinkiTime.ToLocal(health.At):yyyy-MM-dd}.xlsx");
    }
}
