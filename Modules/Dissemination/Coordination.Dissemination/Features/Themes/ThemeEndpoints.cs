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

/// <summary>Theme compilations for everyone: every published model of a theme and the relations
/// between them, as a graph (SVG) and as a list.</summary>
internal sealed class ThemeEndpoints : ICarterModule
{
    public sealed record RelationDto(Guid From, Guid To, string Kind);

    public sealed record Compilation(string Theme, List<ModelSummary> Models, List<RelationDto> Relations);

    public sealed record ListModel(IReadOnlyList<ThemeCount> Themes);

    public sealed record PageModel(string Theme, List<Model> Models, List<ModelRelation> Relations);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/method-bank/themes", async Task<IResult> (DisseminationDbContext db, ThemeCounts themes, CancellationToken ct) =>
                new RazorComponentResult<ThemeListPage>(new { Model = new ListModel(await themes.GetAsync(db, ct)) }))
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/method-bank/themes/{theme}", async Task<IResult> (string theme, DisseminationDbContext db, SearchIndex search, CancellationToken ct) =>
            {
                var (models, relations) = await CompileAsync(db, search, theme, ct);
                return models.Count == 0 ? TypedResults.NotFound()
                    : new RazorComponentResult<ThemePage>(new { Model = new PageModel(models.SelectMany(m => m.Themes).First(t => string.Equals(t, theme, StringComparison.OrdinalIgnoreCase)), models, relations) });
            })
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/api/v1/dissemination/themes", async Task<Ok<IReadOnlyList<ThemeCount>>> (DisseminationDbContext db, ThemeCounts themes, CancellationToken ct) => TypedResults.Ok(await themes.GetAsync(db, ct)))
            .AllowAnonymous()
            .CacheApiForVisitors("Dissemination")
            .WithTags("Dissemination")
            .WithSummary("The themes of published models with their counts");
        app.MapGet("/api/v1/dissemination/themes/{theme}", async Task<Results<Ok<Compilation>, ProblemHttpResult>> (string theme, DisseminationDbContext db, SearchIndex search, CancellationToken ct) =>
            {
                var (models, relations) = await CompileAsync(db, search, theme, ct);
                return models.Count == 0 ? ApiResults.NotFound()
                    : TypedResults.Ok(new Compilation(theme, [.. models.Select(ModelSummary.Of)], [.. relations.Select(r => new RelationDto(r.FromModelId, r.ToModelId, EnumText.Of(r.Kind)))]));
            })
            .AllowAnonymous()
            .CacheApiForVisitors("Dissemination")
            .WithTags("Dissemination")
            .WithSummary("A theme compilation: its published models and the relations between them");
    }

    private static async Task<(List<Model> Models, List<ModelRelation> Relations)> CompileAsync(DisseminationDbContext db, SearchIndex search, string theme, CancellationToken ct)
    {
        var themed = search.Themed(theme);
        var models = await db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published && themed.Contains(m.Id)).OrderBy(m => m.Title.Fi).ToListAsync(ct);
        var ids = models.Select(m => m.Id).ToList();
        var relations = await db.Relations.AsNoTracking().Where(r => ids.Contains(r.FromModelId) && ids.Contains(r.ToModelId)).ToListAsync(ct);
        return (models, relations);
    }
}
