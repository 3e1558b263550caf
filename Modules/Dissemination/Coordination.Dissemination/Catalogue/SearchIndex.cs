using System.Text;
using System.Text.RegularExpressions;
using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Catalogue;

/// <summary>Ranked search over published models and posts (and public events by title) that finds Finnish compound words by their parts
/// ("ohjaus" finds "opinto-ohjausmalli"): on SQLite an FTS5 table with the trigram tokenizer,
/// kept by triggers in the same transaction as the model (see the SQLite migrations "MethodBank" and
/// "ModelThemes"); on PostgreSQL a pg_trgm index on the same text, at most
/// <see cref="CountCap"/> matches ranked by where the first word stands in the text.</summary>
internal sealed partial class SearchIndex(DisseminationDbContext db)
{
    /// <summary>PostgreSQL counts, ranks and pages at most this many matches of a search: each
    /// match is rechecked against its whole text, and a common word matches tens of thousands.</summary>
    public const int CountCap = 1000;

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

    /// <summary>The words of a query, lower case, without FTS syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query)
        => string.IsNullOrWhiteSpace(query) ? [] : [.. Word().Matches(query.ToLowerInvariant()).Select(m => m.Value).Distinct().Take(10)];

    /// <summary>A page of published models matching every term (best first; newest first without
    /// terms), of the theme and, with <paramref name="inUse"/>, still in use at their latest
    /// follow-up, and how many match in all. Ranked, filtered, counted and paged in the database.</summary>
    public async Task<Found<Model>> FindModelsAsync(IReadOnlyList<string> terms, string? theme, bool inUse, int skip, int take, CancellationToken ct)
    {
        var published = db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published);
        if (!string.IsNullOrWhiteSpace(theme))
        {
            var themed = Themed(theme);
            published = published.Where(m => themed.Contains(m.Id));
        }

        if (inUse)
        {
            published = published.Where(m => m.FollowUpUse == "inUse" || m.FollowUpUse == "partly");
        }

        return await RankedPageAsync(published, !string.IsNullOrWhiteSpace(theme) || inUse, "ModelSearch", "ModelId", terms, skip, take, true, ct);
    }

    /// <summary>The ids of the models of a theme, from the (Theme, ModelId) index.</summary>
    public IQueryable<Guid> Themed(string theme)
    {
        var key = ModelTheme.Key(theme);
        return db.ModelThemes.Where(t => t.Theme == key).Select(t => t.ModelId);
    }

    /// <summary>A page of published posts matching every term, best first, and how many match in all
    /// (exactly: a network writes far fewer posts than <see cref="CountCap"/>).</summary>
    public async Task<Found<Post>> FindPostsAsync(IReadOnlyList<string> terms, int skip, int take, CancellationToken ct)
        => await RankedPageAsync(db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published), false, "PostSearch", "PostId", terms, skip, take, false, ct);

    /// <summary>Matches every term (SQLite: the FTS5 table <paramref name="table"/> ranked by bm25;
    /// PostgreSQL: pg_trgm, ranked by the first word's place), newest first without terms, then counts and
    /// pages in the database. <paramref name="filtered"/>: <paramref name="published"/> holds more
    /// conditions than being published. <paramref name="capped"/>: PostgreSQL stops counting after
    /// <see cref="CountCap"/> matches (SQLite's FTS5 count stays exact: it reads its index alone).</summary>
    private async Task<Found<T>> RankedPageAsync<T>(IQueryable<T> published, bool filtered, string table, string idColumn, IReadOnlyList<string> terms, int skip, int take, bool capped, CancellationToken ct)
        where T : class, ISearchable
    {
        if (db.Database.IsSqlite())
        {
            var match = Match(terms);
            if (match is not null && !filtered && terms.All(t => t.Length >= 3))
            {
                return await FtsPageAsync(published, table, idColumn, match, skip, take, ct);
            }

            // Trigrams need three letters; shorter words are matched with LIKE.
            foreach (var term in terms.Where(t => t.Length < 3))
            {
                published = published.Where(m => m.SearchText.Contains(term));
            }

            if (match is not null)
            {
                // Ranked on ids alone, so the sort carries no card; the page's cards are read after.
                var hits = from m in published join h in Hits(table, idColumn, match) on m.Id equals h.Id select h;
                var total = await hits.CountAsync(ct);
                var ids = total <= skip ? [] : await hits.OrderBy(h => h.Rank).ThenBy(h => h.Seq).Skip(skip).Take(take).Select(h => h.Id).ToListAsync(ct);
                return new(await InOrderAsync(published, ids, ct), total);
            }
        }
        else
        {
            foreach (var term in terms)
            {
                // The text and the terms are both lower case (TextOf, Terms): LIKE rechecks a match
                // without lower-casing the row's whole text, as ILIKE does.
                var pattern = Like(term);
                published = published.Where(m => EF.Functions.Like(m.SearchText, pattern, "\\"));
            }

            if (terms.Count > 0)
            {
                // Each match is rechecked against its whole text (about 10 µs), so one query reads
                // at most the cap and one more, in the order the trigram index yields them (table
                // order, which stops early; asking for the newest would recheck every match), and
                // the count, rank and page come from those small rows. word_similarity reads a whole
                // text (0.7 ms a row here): the first word's place ranks instead, as SearchText
                // begins with the title (TextOf).
                var cap = capped ? CountCap : int.MaxValue - 1;
                var first = terms[0];
                var hits = await published.Take(cap + 1).Select(m => new { m.Id, Place = m.SearchText.IndexOf(first), m.PublishedAt }).ToListAsync(ct);
                var ids = hits.Take(cap).OrderBy(h => h.Place).ThenByDescending(h => h.PublishedAt).ThenByDescending(h => h.Id).Skip(skip).Take(take).Select(h => h.Id).ToList();
                return new(await InOrderAsync(published, ids, ct), Math.Min(hits.Count, cap), hits.Count > cap);
            }
        }

        var newest = published.OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id);
        var count = await newest.CountAsync(ct);
        return new(count <= skip ? [] : await newest.Skip(skip).Take(take).ToListAsync(ct), count);
    }

    /// <summary>The FTS5 table holds published rows only (its triggers, migration "ModelThemes"),
    /// so it counts and ranks alone, over its own index, and only the page's rows are read from the
    /// table: a word in 40 % of 100,000 models no longer reads 40,000 cards. Ties go by the FTS
    /// rowid, which the sort has at hand (the id column would be read for every match).</summary>
    private async Task<Found<T>> FtsPageAsync<T>(IQueryable<T> published, string table, string idColumn, string match, int skip, int take, CancellationToken ct)
        where T : class, ISearchable
    {
#pragma warning disable EF1002 // table and column are constants of this class; the match text and the page are parameters
        var total = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS Value FROM {table} WHERE {table} MATCH {{0}}", match).SingleAsync(ct);
        var ids = total <= skip ? []
            : await db.Database.SqlQueryRaw<Guid>(
                $"SELECT s.{idColumn} AS Value FROM (SELECT rowid AS Seq, rank AS Rank FROM {table} WHERE {table} MATCH {{0}} ORDER BY rank, rowid LIMIT {{1}} OFFSET {{2}}) p JOIN {table} s ON s.rowid = p.Seq ORDER BY p.Rank, p.Seq",
                match, take, skip).ToListAsync(ct);
#pragma warning restore EF1002
        return new(await InOrderAsync(published, ids, ct), total);
    }

    private static async Task<List<T>> InOrderAsync<T>(IQueryable<T> published, List<Guid> ids, CancellationToken ct)
        where T : class, ISearchable
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = (await published.Where(m => ids.Contains(m.Id)).ToListAsync(ct)).ToDictionary(m => m.Id);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
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

    /// <summary>An FTS5 query of every term of three letters or more, each a quoted phrase so no
    /// query syntax gets through; null when there is no such term.</summary>
    private static string? Match(IReadOnlyList<string> terms)
    {
        var fts = terms.Where(t => t.Length >= 3).ToList();
        return fts.Count == 0 ? null : string.Join(' ', fts.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    /// <summary>The FTS5 hits (id, bm25 rank and rowid for ties) of <paramref name="match"/>, composed into the
    /// caller's query so the join, order, count and page run in SQLite. The table and column names
    /// are ours, never input.</summary>
    private IQueryable<SearchHit> Hits(string table, string idColumn, string match)
#pragma warning disable EF1002 // table and column are constants of this class; the match text is a parameter
        => db.Database.SqlQueryRaw<SearchHit>($"SELECT {idColumn} AS Id, rank AS Rank, rowid AS Seq FROM {table} WHERE {table} MATCH {{0}}", match);
#pragma warning restore EF1002

    private static string Like(string term)
        => "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private sealed record SearchHit(Guid Id, double Rank, long Seq);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
