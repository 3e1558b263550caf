using System.Text;
using System.Text.RegularExpressions;
using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.Search;

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

    /// <summary>Published models matching every term, best first (ids only).</summary>
    public async Task<List<Guid>> FindAsync(IReadOnlyList<string> terms, string? theme, CancellationToken ct)
    {
        var published = db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published);
        if (!string.IsNullOrWhiteSpace(theme))
        {
            var key = "|" + theme.Trim().ToLowerInvariant() + "|";
            published = published.Where(m => m.ThemeIndex.Contains(key));
        }

        if (db.Database.IsSqlite())
        {
            // Trigrams need three letters; shorter words are matched with LIKE.
            var fts = terms.Where(t => t.Length >= 3).ToList();
            var shortTerms = terms.Where(t => t.Length < 3).ToList();
            foreach (var term in shortTerms)
            {
                published = published.Where(m => m.SearchText.Contains(term));
            }

            if (fts.Count == 0)
            {
                return await published.OrderByDescending(m => m.PublishedAt).Select(m => m.Id).ToListAsync(ct);
            }

            return Ranked(await MatchAsync("ModelSearch", "ModelId", fts, ct), (await published.Select(m => m.Id).ToListAsync(ct)).ToHashSet());
        }

        foreach (var term in terms)
        {
            var pattern = Like(term);
            published = published.Where(m => EF.Functions.ILike(m.SearchText, pattern));
        }

        var query = string.Join(' ', terms);
        return terms.Count == 0
            ? await published.OrderByDescending(m => m.PublishedAt).Select(m => m.Id).ToListAsync(ct)
            : await published.OrderByDescending(m => EF.Functions.TrigramsWordSimilarity(query, m.SearchText)).ThenByDescending(m => m.PublishedAt).Select(m => m.Id).ToListAsync(ct);
    }

    /// <summary>Published posts matching every term, best first (ids only).</summary>
    public async Task<List<Guid>> FindPostsAsync(IReadOnlyList<string> terms, CancellationToken ct)
    {
        var published = db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published);
        if (terms.Count == 0)
        {
            return await published.OrderByDescending(p => p.PublishedAt).Select(p => p.Id).ToListAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            foreach (var term in terms.Where(t => t.Length < 3))
            {
                published = published.Where(p => p.SearchText.Contains(term));
            }

            var fts = terms.Where(t => t.Length >= 3).ToList();
            if (fts.Count == 0)
            {
                return await published.OrderByDescending(p => p.PublishedAt).Select(p => p.Id).ToListAsync(ct);
            }

            return Ranked(await MatchAsync("PostSearch", "PostId", fts, ct), (await published.Select(p => p.Id).ToListAsync(ct)).ToHashSet());
        }

        foreach (var term in terms)
        {
            var pattern = Like(term);
            published = published.Where(p => EF.Functions.ILike(p.SearchText, pattern));
        }

        var query = string.Join(' ', terms);
        return await published.OrderByDescending(p => EF.Functions.TrigramsWordSimilarity(query, p.SearchText)).ThenByDescending(p => p.PublishedAt).Select(p => p.Id).ToListAsync(ct);
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

    /// <summary>FTS5 hits of every term (each a quoted phrase, so no query syntax gets through).
    /// The table and column names are ours, never input.</summary>
    private Task<List<SearchHit>> MatchAsync(string table, string idColumn, IEnumerable<string> terms, CancellationToken ct)
    {
        var match = string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
#pragma warning disable EF1002 // table and column are constants of this class; the match text is a parameter
        return db.Database.SqlQueryRaw<SearchHit>($"SELECT {idColumn} AS Id, bm25({table}) AS Rank FROM {table} WHERE {table} MATCH {{0}}", match).ToListAsync(ct);
#pragma warning restore EF1002
    }

    private static List<Guid> Ranked(List<SearchHit> hits, HashSet<Guid> allowed)
        => [.. hits.Where(h => allowed.Contains(h.Id)).OrderBy(h => h.Rank).Select(h => h.Id)];

    private static string Like(string term)
        => "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private sealed record SearchHit(Guid Id, double Rank);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
