using Carter;
using Coordination.Monitoring.Data;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Features.ViewIndicators;

/// <summary>The indicators page and GET /api/v1/monitoring/indicators (coordinators, funder).</summary>
internal sealed class ViewIndicatorsEndpoints : ICarterModule
{
    public sealed record Indicators(int Networks, DateTime? LatestNetworkCreatedAt);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/monitoring", async (MonitoringDbContext db, CancellationToken ct) =>
                new RazorComponentResult<IndicatorsPage>(new { Model = await ReadAsync(db, ct) }))
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();

        app.MapGet("/api/v1/monitoring/indicators", async Task<Ok<Indicators>> (MonitoringDbContext db, CancellationToken ct) => TypedResults.Ok(await ReadAsync(db, ct)))
            .RequireAuthorization(Policies.Monitoring)
            .WithTags("Monitoring")
            .WithSummary("Reads the network's indicators");
    }

    private static async Task<Indicators> ReadAsync(MonitoringDbContext db, CancellationToken ct)
        => new(await db.Networks.CountAsync(ct), await db.Networks.MaxAsync(n => (DateTime?)n.CreatedAt, ct));
}
