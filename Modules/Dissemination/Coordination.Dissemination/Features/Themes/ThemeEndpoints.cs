using Carter;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Catalogue;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.Themes;

/// <summary>Theme compilations for everyone: the published models of a theme, a page at a time
/// (newest first), and the relations between the page's models, as a graph (SVG) and as a list.</summary>
internal sealed class ThemeEndpoints : ICarterModule
{
    public sealed record RelationDto(Guid From, Guid To, string Kind);

    /// <summary>Page, PageSize and Total came with paging; Models holds one page of them.</summary>
    public sealed record Compilation(string Theme, List<ModelSummary> Models, List<RelationDto> Relations, int Page, int PageSize, int Total);

    public sealed record ListModel(IReadOnlyList<ThemeCount> Themes);

    public sealed record PageModel(string Theme, List<Model> Models, List<ModelRelation> Relations, Paging Paging, int Total);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/method-bank/themes", async Task<IResult> (DisseminationDbContext db, ThemeCounts themes, CancellationToken ct) =>
                new RazorComponentResult<ThemeListPage>(new { Model = new ListModel(await themes.GetAsync(db, ct)) }))
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/method-bank/themes/{theme}", async Task<IResult> (string theme, int? page, DisseminationDbContext db, SearchIndex search, CancellationToken ct) =>
            {
                var paging = Paging.From(page, PageSize);
                var (models, relations, total) = await CompileAsync(db, search, theme, paging, ct);
                return total == 0 ? TypedResults.NotFound()
                    : new RazorComponentResult<ThemePage>(new { Model = new PageModel(ShownName(theme, models), models, relations, paging, total) });
            })
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/api/v1/dissemination/themes", async Task<Ok<IReadOnlyList<ThemeCount>>> (DisseminationDbContext db, ThemeCounts themes, CancellationToken ct) => TypedResults.Ok(await themes.GetAsync(db, ct)))
            .AllowAnonymous()
            .CacheApiForVisitors("Dissemination")
            .WithTags("Dissemination")
            .WithSummary("The themes of published models with their counts");
        app.MapGet("/api/v1/dissemination/themes/{theme}", async Task<Results<Ok<Compilation>, ProblemHttpResult>> (string theme, int? page, int? pageSize, DisseminationDbContext db, SearchIndex search, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize, PageSize);
                var (models, relations, total) = await CompileAsync(db, search, theme, paging, ct);
                return total == 0 ? ApiResults.NotFound()
                    : TypedResults.Ok(new Compilation(theme, [.. models.Select(ModelSummary.Of)], [.. relations.Select(r => new RelationDto(r.FromModelId, r.ToModelId, EnumText.Of(r.Kind)))], paging.Page, paging.PageSize, total));
            })
            .AllowAnonymous()
            .CacheApiForVisitors("Dissemination")
            .WithTags("Dissemination")
            .WithSummary("A theme compilation: a page of its published models (newest first) and the relations between them");
    }

    private const int PageSize = 50;

    /// <summary>Counts the theme's published models and reads one page of them in the database,
    /// newest first over the (Status, PublishedAt, Id) index, each checked against the
    /// (Theme, ModelId) index: a theme of 22,000 models reads a page, not 22,000 cards.</summary>
    private static async Task<(List<Model> Models, List<ModelRelation> Relations, int Total)> CompileAsync(DisseminationDbContext db, SearchIndex search, string theme, Paging paging, CancellationToken ct)
    {
        var themed = search.Themed(theme);
        var published = db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published && themed.Contains(m.Id));
        var total = await published.CountAsync(ct);
        var models = total <= paging.Skip ? []
            : await published.OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = models.Select(m => m.Id).ToList();
        var relations = ids.Count == 0 ? []
            : await db.Relations.AsNoTracking().Where(r => ids.Contains(r.FromModelId) && ids.Contains(r.ToModelId)).ToListAsync(ct);
        return (models, relations, total);
    }

    /// <summary>The theme as its models spell it (the address may differ in case).</summary>
    private static string ShownName(string theme, List<Model> models)
        => models.SelectMany(m => m.Themes).FirstOrDefault(t => string.Equals(t, theme, StringComparison.OrdinalIgnoreCase)) ?? theme;
}
