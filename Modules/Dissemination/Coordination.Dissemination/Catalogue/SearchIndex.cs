using System.Text;
using System.Text.RegularExpressions;
using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Catalogue;

/// <summary>Ranked search over published models and posts (and public events by title) that finds Finnish compound words by their parts
/// ("ohjaus" finds "opinto-ohjausmalli"): on SQLite an FTS5 table with the trigram tokenizer,
/// kept by triggers in the same transaction as the model (see the SQLite migration "Models");
/// on PostgreSQL a pg_trgm index on the same text, ranked by word similarity.</summary>
internal sealed partial class SearchIndex(DisseminationDbContext db)
{
    public static string TextOf(Model m)
    {
        var text = new StringBuilder();
        foreach (var t in new[] { m.Title, m.Summary, m.Challenge, m.Method, m.Result, m.TargetGroup })
        {
            text.Append(t.Fi).Append(' ').Append(t.Sv).Append(' ').Append(t.En).Append(' ');
        }

        text.AppendJoin(' ', m.Themes);
        return text.ToString().ToLowerInvariant();
    }

    public static string ThemesOf(IEnumerable<string> themes) => "|" + string.Join("|", themes.Select(t => t.Trim().ToLowerInvariant())) + "|";

    /// <summary>The words of a query, lower case, without FTS syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query)
        => string.IsNullOrWhiteSpace(query) ? [] : [.. Word().Matches(query.ToLowerInvariant()).Select(m => m.Value).Distinct().Take(10)];

    /// <summary>A page of published models matching every term (best first; newest first without
    /// terms), of the theme and, with <paramref name="inUse"/>, still in use at their latest
    /// follow-up, and how many match in all. Ranked, filtered, counted and paged in the database.</summary>
    public async Task<(List<Model> Items, int Total)> FindModelsAsync(IReadOnlyList<string> terms, string? theme, bool inUse, int skip, int take, CancellationToken ct)
    {
        var published = db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published);
        if (!string.IsNullOrWhiteSpace(theme))
        {
            var key = ThemesOf([theme]);
            published = published.Where(m => m.ThemeIndex.Contains(key));
        }

        if (inUse)
        {
            published = published.Where(m => m.FollowUpUse == "inUse" || m.FollowUpUse == "partly");
        }

        return await RankedPageAsync(published, "ModelSearch", "ModelId", terms, skip, take, ct);
    }

    /// <summary>A page of published posts matching every term, best first, and how many match in all.</summary>
    public Task<(List<Post> Items, int Total)> FindPostsAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken ct)
        => RankedPageAsync(db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published), "PostSearch", "PostId", terms, skip, take, ct);

    /// <summary>Matches every term (SQLite: the FTS5 table <paramref name="table"/> ranked by bm25;
    /// PostgreSQL: pg_trgm, ranked by word similarity), newest first without terms, then counts and
    /// pages in the database.</summary>
    private async Task<(List<T> Items, int Total)> RankedPageAsync<T>(IQueryable<T> published, string table, string idColumn, IReadOnlyList<string> terms, int skip, int take, CancellationToken ct)
        where T : class, ISearchable
    {
        IQueryable<T> ordered;
        if (db.Database.IsSqlite())
        {
            // Trigrams need three letters; shorter words are matched with LIKE.
            foreach (var term in terms.Where(t => t.Length < 3))
            {
                published = published.Where(m => m.SearchText.Contains(term));
            }

            var hits = Hits(table, idColumn, terms);
            ordered = hits is null
                ? published.OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id)
                : from m in published join h in hits on m.Id equals h.Id orderby h.Rank, m.PublishedAt descending, m.Id descending select m;
        }
        else
        {
            foreach (var term in terms)
            {
                var pattern = Like(term);
                published = published.Where(m => EF.Functions.ILike(m.SearchText, pattern));
            }

            var query = string.Join(' ', terms);
            ordered = terms.Count == 0
                ? published.OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id)
                : published.OrderByDescending(m => EF.Functions.TrigramsWordSimilarity(query, m.SearchText)).ThenByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id);
        }

        var total = await ordered.CountAsync(ct);
        return (total <= skip ? [] : await ordered.Skip(skip).Take(take).ToListAsync(ct), total);
    }

    /// <summary>Public events whose title (in any language) holds every term: coming and running
    /// ones first (soonest first), then past ones (latest first). A network holds a few events a
    /// week, so the public ones of the last two years are matched in memory, where Finnish and
    /// Swedish letters compare without regard to case on both databases.</summary>
    public async Task<List<KnownEvent>> FindEventsAsync(IReadOnlyList<string> terms, DateTime now, CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var since = now.AddYears(-2);
        var events = await db.Events.AsNoTracking().Where(e => e.IsPublic && !e.Cancelled && e.StartsAt >= since).ToListAsync(ct);
        return [.. events
            .Where(e =>
            {
                var text = $"{e.Title.Fi} {e.Title.Sv} {e.Title.En}".ToLowerInvariant();
                return terms.All(t => text.Contains(t, StringComparison.Ordinal));
            })
            .OrderBy(e => e.EndsAt < now)
            .ThenBy(e => e.EndsAt < now ? -e.StartsAt.Ticks : e.StartsAt.Ticks)];
    }

    /// <summary>The FTS5 hits (id and bm25 rank) of every term of three letters or more, each a
    /// quoted phrase so no query syntax gets through; null when there is no such term. Composed
    /// into the caller's query, so the join, order, count and page run in SQLite. The table and
    /// column names are ours, never input.</summary>
    private IQueryable<SearchHit>? Hits(string table, string idColumn, IReadOnlyList<string> terms)
    {
        var fts = terms.Where(t => t.Length >= 3).ToList();
        if (fts.Count == 0)
        {
            return null;
        }

        var match = string.Join(' ', fts.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
#pragma warning disable EF1002 // table and column are constants of this class; the match text is a parameter
        return db.Database.SqlQueryRaw<SearchHit>($"SELECT {idColumn} AS Id, bm25({table}) AS Rank FROM {table} WHERE {table} MATCH {{0}}", match);
#pragma warning restore EF1002
    }

    private static string Like(string term)
        => "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private sealed record SearchHit(Guid Id, double Rank);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
