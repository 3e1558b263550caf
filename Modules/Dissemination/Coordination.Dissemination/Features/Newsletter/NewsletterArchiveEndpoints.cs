using Carter;
using Coordination.Dissemination.Data;
using Coordination.Shared.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Coordination.Shared.Web;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>The public archive of sent issues (<c>/newsletter</c>), each shown in a sandboxed frame.</summary>
internal sealed class NewsletterArchiveEndpoints : ICarterModule
{
    public sealed record ArchiveModel(List<NewsletterIssue> Issues);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/newsletter", async Task<IResult> (DisseminationDbContext db, CancellationToken ct) =>
                new RazorComponentResult<ArchivePage>(new { Model = new ArchiveModel(await db.Issues.AsNoTracking().Where(i => i.Status == IssueStatus.Sent).OrderByDescending(i => i.StartedAt).ToListAsync(ct)) }))
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/newsletter/{id:guid}", async Task<IResult> (Guid id, DisseminationDbContext db, CancellationToken ct) =>
                await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Status == IssueStatus.Sent, ct) is { } issue
                    ? new RazorComponentResult<ArchivedIssuePage>(new { Model = issue })
                    : TypedResults.NotFound())
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/newsletter/{id:guid}/content", async Task<IResult> (Guid id, DisseminationDbContext db, HttpResponse response, CancellationToken ct) =>
                await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Status == IssueStatus.Sent, ct) is { } issue
                    ? IssueEndpoints.Framed(response, (SupportedCultures.CurrentLanguage == "sv" ? issue.HtmlSv : issue.HtmlFi)!.Replace(NewsletterRenderer.UnsubscribePlaceholder, "/newsletter/subscribe", StringComparison.Ordinal))
                    : TypedResults.NotFound())
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
    }
}
