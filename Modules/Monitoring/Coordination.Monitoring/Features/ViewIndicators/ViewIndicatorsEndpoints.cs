using System.Security.Claims;
using Carter;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Indicators;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Features.ViewIndicators;

/// <summary>The networks a user may follow, and a network's indicators for a period as a page
/// (figures, a monthly trend as SVG with its table, per project) and as JSON. Coordinators see
/// every network, a funder's observer the networks given to them.</summary>
internal sealed class ViewIndicatorsEndpoints : ICarterModule
{
    public sealed record NetworkDto(Guid Id, string NameFi, string? NameSv, string? NameEn);

    public sealed record ListModel(List<NetworkFact> Networks, bool Coordinator);

    public sealed record PageModel(NetworkFact Network, NetworkIndicators Indicators, Period Period, string? Year, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/monitoring", async Task<IResult> (MonitoringAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                new RazorComponentResult<NetworkListPage>(new { Model = new ListModel(await access.NetworksAsync(user, ct), MonitoringAccess.IsCoordinator(user)) }))
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();

        app.MapGet("/monitoring/networks/{id:guid}", async Task<IResult> (Guid id, string? from, string? to, string? year, MonitoringAccess access, IndicatorCalculator calculator, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<MonitoringStrings> l, CancellationToken ct) =>
            {
                if (await access.NetworkAsync(user, id, ct) is not { } network)
                {
                    return TypedResults.NotFound();
                }

                var (period, errors) = Period.Parse(from, to, year, clock, l);
                var indicators = await calculator.ComputeAsync(network, period, ct);
                return new RazorComponentResult<IndicatorsPage>(new { Model = new PageModel(network, indicators, period, year, errors) })
                {
                    StatusCode = errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
                };
            })
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/monitoring").RequireAuthorization(Policies.Monitoring).WithTags("Monitoring");
        api.MapGet("/networks", async Task<IResult> (MonitoringAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(new { items = (await access.NetworksAsync(user, ct)).Select(n => n.Adapt<NetworkDto>(MonitoringMappings.Config)) }))
            .WithSummary("The networks whose indicators and reports the user may read");

        api.MapGet("/networks/{id:guid}/indicators", async Task<Results<Ok<NetworkIndicators>, ValidationProblem, ProblemHttpResult>> (Guid id, string? from, string? to, string? year, MonitoringAccess access, IndicatorCalculator calculator, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (period, errors) = Period.Parse(from, to, year, clock, l);
                if (!errors.IsEmpty)
                {
                    return ApiResults.Invalid(errors, shared);
                }

                return await access.NetworkAsync(user, id, ct) is { } network
                    ? TypedResults.Ok(await calculator.ComputeAsync(network, period, ct))
                    : ApiResults.NotFound(l["NetworkNotFound"]);
            })
            .WithSummary("A network's indicators for a period: from and to (yyyy-MM-dd, Helsinki days, both included) or a calendar year; this year when none is given");
    }
}
