using System.Security.Claims;
using Carter;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Indicators;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Features.FunderReport;

/// <summary>The funder's report of a network and period in one click: a printable page (print
/// stylesheet) and an XLSX workbook with a summary sheet first and a sheet per area, in the
/// reader's language (fi or sv; ?culture=sv), with the same figures as the indicators.</summary>
internal sealed class FunderReportEndpoints : ICarterModule
{
    public sealed record PageModel(NetworkFact Network, NetworkIndicators Indicators, Period Period, DateTime GeneratedAt, IReadOnlyList<NewsletterIssueFact> Issues);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/monitoring/networks/{id:guid}/report", async Task<IResult> (Guid id, string? from, string? to, string? year, Reporter reporter, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await reporter.ReportAsync(id, from, to, year, user, ct) is not { } report ? TypedResults.NotFound()
                    : report.Model is { } model ? new RazorComponentResult<FunderReportPage>(new { Model = model })
                    : ApiResults.Invalid(report.Errors, shared))
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();

        // The workbook behind the page's link (signed in with the site's cookie) and in the API (bearer token).
        foreach (var path in new[] { "/monitoring/networks/{id:guid}/report.xlsx", "/api/v1/monitoring/networks/{id:guid}/report.xlsx" })
        {
            var endpoint = app.MapGet(path, async Task<IResult> (Guid id, string? from, string? to, string? year, Reporter reporter, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                    await reporter.ReportAsync(id, from, to, year, user, ct) is not { } report ? ApiResults.NotFound(l["NetworkNotFound"])
                        : report.Model is { } model ? ReportWorkbook.File(model, l)
                        : ApiResults.Invalid(report.Errors, shared))
                .RequireAuthorization(Policies.Monitoring);
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                endpoint.WithTags("Monitoring").WithSummary("The funder's report of a network for a period as an XLSX workbook (summary sheet first, one sheet per area, in the language asked: Accept-Language or ?culture=sv); from, to and year as for the indicators");
            }
            else
            {
                endpoint.ExcludeFromDescription();
            }
        }
    }

    /// <summary>Gathers a report: null when the user may not read the network (or there is none).</summary>
    internal sealed class Reporter(MonitoringAccess access, IndicatorCalculator calculator, MonitoringDbContext db, TimeProvider clock, IStringLocalizer<MonitoringStrings> l)
    {
        public async Task<(PageModel? Model, FormErrors Errors)?> ReportAsync(Guid id, string? from, string? to, string? year, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.NetworkAsync(user, id, ct) is not { } network)
            {
                return null;
            }

            var (period, errors) = Period.Parse(from, to, year, clock, l);
            if (!errors.IsEmpty)
            {
                return (null, errors);
            }

            var (start, end) = (period.StartUtc, period.EndUtc);
            var indicators = await calculator.ComputeAsync(network, period, ct);
            var issues = await db.NewsletterIssues.AsNoTracking().Where(i => i.SentAt >= start && i.SentAt < end).OrderBy(i => i.SentAt).ToListAsync(ct);
            return (new PageModel(network, indicators, period, clock.GetUtcNow().UtcDateTime, issues), errors);
        }
    }
}
