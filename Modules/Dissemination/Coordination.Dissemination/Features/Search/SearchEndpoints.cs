using System.Text.Json.Serialization;
using Carter;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Catalogue;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.Search;

/// <summary>One search over the method bank, the blog and public events, for everyone.</summary>
internal sealed class SearchEndpoints : ICarterModule
{
    public const int Shown = 20;

    public sealed record PostHit(Guid Id, LocalizedTextInput Title, string Kind, DateTime? PublishedAt);

    public sealed record EventHit(Guid Id, LocalizedTextInput Title, string Type, DateTime StartsAt, DateTime EndsAt, string? Place);

    /// <summary><paramref name="ModelCountIsLowerBound"/>: at least <paramref name="ModelCount"/>
    /// models match (the count stopped there); written only when true.</summary>
    public sealed record SearchResponse(int ModelCount, List<ModelSummary> Models, int PostCount, List<PostHit> Posts, int EventCount, List<EventHit> Events,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool ModelCountIsLowerBound = false);

    public sealed record PageModel(string? Query, Found<Model> Models, int PostCount, List<Post> Posts, int EventCount, List<KnownEvent> Events);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/search", async Task<IResult> (string? q, SearchIndex search, DisseminationDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var (models, posts, postCount) = await FindAsync(q, search, db, ct);
                var events = await search.FindEventsAsync(SearchIndex.Terms(q), clock.GetUtcNow().UtcDateTime, ct);
                return new RazorComponentResult<SearchPage>(new { Model = new PageModel(q, models, postCount, posts, events.Count, [.. events.Take(Shown)]) });
            })
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/api/v1/dissemination/search", async Task<Ok<SearchResponse>> (string? q, SearchIndex search, DisseminationDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var (models, posts, postCount) = await FindAsync(q, search, db, ct);
                var events = await search.FindEventsAsync(SearchIndex.Terms(q), clock.GetUtcNow().UtcDateTime, ct);
                return TypedResults.Ok(new SearchResponse(models.Total, [.. models.Items.Select(ModelSummary.Of)], postCount,
                    [.. posts.Select(p => new PostHit(p.Id, LocalizedTextInput.From(p.Title), EnumText.Of(p.Kind), p.PublishedAt))],
                    events.Count, [.. events.Take(Shown).Select(e => new EventHit(e.EventId, LocalizedTextInput.From(e.Title), e.Type, e.StartsAt, e.EndsAt, e.Place))],
                    models.TotalIsLowerBound));
            })
            .AllowAnonymous()
            .CacheApiForVisitors("Dissemination")
            .WithTags("Dissemination")
            .WithSummary("Searches published models and posts (best 20 of each; compound words are found by their parts) and public events by title (coming first, 20 at most)");
    }

    private static async Task<(Found<Model> Models, List<Post> Posts, int PostCount)> FindAsync(string? q, SearchIndex search, DisseminationDbContext db, CancellationToken ct)
    {
        var terms = SearchIndex.Terms(q);
        if (terms.Count == 0)
        {
            return (new([], 0), [], 0);
        }

        var models = await search.FindModelsAsync(terms, null, false, 0, Shown, ct);
        var (posts, postCount, _) = await search.FindPostsAsync(terms, 0, Shown, ct);
        return (models, posts, postCount);
    }
}
