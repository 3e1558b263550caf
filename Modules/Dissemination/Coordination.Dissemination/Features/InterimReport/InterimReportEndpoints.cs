using Carter;
using Coordination.Dissemination.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.InterimReport;

/// <summary>The interim report: a network's published models by theme with a contents list, made
/// on demand as HTML that prints well (and so to PDF from the browser).</summary>
internal sealed class InterimReportEndpoints : ICarterModule
{
    public sealed record Chapter(string Theme, List<Model> Models);

    public sealed record ReportModel(List<KnownNetwork> Networks, KnownNetwork? Network, List<Chapter> Chapters, Dictionary<Guid, KnownProject> Projects, DateTime MadeAt);

    public void AddRoutes(IEndpointRouteBuilder app)
        => app.MapGet("/method-bank/report", async Task<IResult> (Guid? networkId, DisseminationDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NameFi).ToListAsync(ct);
                var network = networkId is { } id ? networks.FirstOrDefault(n => n.NetworkId == id) : networks.Count == 1 ? networks[0] : null;
                var chapters = new List<Chapter>();
                var projects = new Dictionary<Guid, KnownProject>();
                if (network is not null)
                {
                    var models = await db.Models.AsNoTracking().Where(m => m.NetworkId == network.NetworkId && m.Status == ModelStatus.Published).OrderBy(m => m.Title.Fi).ToListAsync(ct);
                    // Each model once, under its first theme; models without a theme last.
                    chapters = [.. models.GroupBy(m => m.Themes.FirstOrDefault() ?? "")
                        .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.CurrentCulture)
                        .Select(g => new Chapter(g.Key, [.. g]))];
                    projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == network.NetworkId).ToDictionaryAsync(p => p.ProjectId, ct);
                }

                return new RazorComponentResult<InterimReportPage>(new { Model = new ReportModel(networks, network, chapters, projects, clock.GetUtcNow().UtcDateTime) });
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
