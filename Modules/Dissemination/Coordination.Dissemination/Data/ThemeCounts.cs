using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Data;

internal sealed record ThemeCount(string Theme, int Models);

/// <summary>The themes of published models with their counts, counted once and kept until a model
/// is saved on this instance (<see cref="Evict"/>) or for a minute at most, which bounds how long
/// another instance behind the same load balancer may show an old list. Counting groups every
/// published model, so it must not run on each request to the method bank.</summary>
internal sealed class ThemeCounts(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private Entry? _entry;
    private long _generation;

    public async Task<IReadOnlyList<ThemeCount>> GetAsync(DisseminationDbContext db, CancellationToken ct)
    {
        Entry? entry;
        long generation;
        lock (_lock)
        {
            (entry, generation) = (_entry, _generation);
        }

        if (entry is null || entry.Until <= clock.GetUtcNow())
        {
            var counts = await CountAsync(db, ct);
            entry = new Entry(counts, clock.GetUtcNow() + Lifetime);
            lock (_lock)
            {
                // A count begun before an eviction may miss that change: it is used but not kept.
                if (_generation == generation)
                {
                    _entry = entry;
                }
            }
        }

        // Sorted per request: the order depends on the reader's language.
        return [.. entry.Counts.OrderBy(t => t.Theme, StringComparer.CurrentCulture)];
    }

    public void Evict()
    {
        lock (_lock)
        {
            _generation++;
            _entry = null;
        }
    }

    /// <summary>Grouped in SQL by the theme list (far fewer lists than models), then split.</summary>
    private static async Task<IReadOnlyList<ThemeCount>> CountAsync(DisseminationDbContext db, CancellationToken ct)
        => [.. (await db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published).GroupBy(m => m.Themes).Select(g => new { Themes = g.Key, Count = g.Count() }).ToListAsync(ct))
            .SelectMany(g => g.Themes.Select(t => (Theme: t, g.Count)))
            .GroupBy(t => t.Theme, StringComparer.OrdinalIgnoreCase).Select(g => new ThemeCount(g.First().Theme, g.Sum(x => x.Count)))];

    private sealed record Entry(IReadOnlyList<ThemeCount> Counts, DateTimeOffset Until);
}
