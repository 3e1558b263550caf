using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Coordination.Shared.Security;
using Coordination.Testing;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>The figure issue 6 asks for: search latency with 10,000 published models (SQLite,
/// FTS5 trigram), against the real host. The models are written with SQL from a vocabulary of
/// Finnish compound words (the triggers of the migration index them as the app's saves do).</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(15)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the app in [GlobalCleanup]
public class SearchBenchmarks
#pragma warning restore CA1001
{
    public const int Models = 10_000;

    private static readonly string[] Words =
    [
        "opinto-ohjausmalli", "hyvinvointijohtaminen", "työelämäyhteistyö", "vertaisohjaus", "osallisuus", "yhdenvertaisuussuunnitelma", "arjenhallinta",
        "opiskelijahuolto", "erityisopetus", "oppimisympäristö", "tasa-arvotyö", "kehittämishanke", "toimintamalli", "ryhmäytyminen", "mentorointi",
        "palautekysely", "opettajankoulutus", "verkostoyhteistyö", "ohjauskeskustelu", "koulutuspolku", "jatko-opinnot", "kielitietoisuus",
        "digitaalinen", "työpaja", "yhteisöllisyys", "mielenterveys", "liikunta", "ruokailu", "kiusaamisen", "ehkäisy", "vanhempainilta",
        "opiskelija", "oppilaitos", "kunta", "järjestö", "nuorisotyö", "etsivä", "lähiluku", "tukitoimet", "huoltaja",
    ];

    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _client = null!;
    private int _call;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        RepositoryRoot.UseHostContentRoot();
        _database = await TestDatabase.CreateAsync(Provider.Sqlite);
        _app = new CoordinationApp(_database, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        var api = await _app.ApiClientAsync(Roles.Coordinator);
        var network = (await (await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Hakuverkosto" } })).Content.ReadFromJsonAsync<IdResponse>())!.Id;
        _client = _app.CreateClient();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_database.DataDirectory, "dissemination.db")}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var words = string.Join(",", Words.Select((w, i) => $"({i}, '{w}')"));
        // Pseudo-random but varied per row and per place: (i * a + b + i / c) % words.
        var k = 0;
        string Pick()
        {
            k++;
            return $"(SELECT w FROM words WHERE n = (i * {(k * 7) + 3} + {k * 17} + i / {k + 2}) % {Words.Length})";
        }

        var sql = $"""
            CREATE TEMP TABLE words(n INTEGER, w TEXT);
            INSERT INTO words VALUES {words};
            WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < {Models - 1})
            INSERT INTO Models (Id, NetworkId, TitleFi, SummaryFi, ChallengeFi, MethodFi, ResultFi, TargetGroupFi, ResourcesNeededFi, ThemesJson, LinksJson,
                                Status, Version, CreatedAt, UpdatedAt, PublishedAt, SearchText)
            SELECT id, '{network.ToString().ToUpperInvariant()}', title, summary, challenge, method, result, '', '', '["' || theme || '"]', '[]',
                   'Published', 1, now, now, now, lower(title || ' ' || summary || ' ' || challenge || ' ' || method || ' ' || result || ' ' || theme)
            FROM (SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)) AS id,
                         'Malli ' || i || ' ' || {Pick()} || ' ' || {Pick()} AS title,
                         {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} AS summary,
                         {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} AS challenge,
                         {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} AS method,
                         {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} || ' ' || {Pick()} AS result,
                         CASE i % 4 WHEN 0 THEN 'ohjaus' WHEN 1 THEN 'hyvinvointi' WHEN 2 THEN 'osallisuus' ELSE 'työelämä' END AS theme,
                         strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || i || ' minutes') AS now
                  FROM (SELECT i, hex(randomblob(16)) AS h FROM r));
            INSERT INTO ModelThemes (ModelId, Theme) SELECT Id, json_extract(ThemesJson, '$[0]') FROM Models;
            """;
        await using (var command = new SqliteCommand(sql, connection, transaction))
        {
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>A query string of its own for each call: the search itself is measured, not the
    /// output cache that answers visitors' repeated requests.</summary>
    private string Uncached(string path) => $"{path}&call={++_call}";

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A part of compound words ("ohjaus" is in opinto-ohjausmalli, vertaisohjaus, ohjauskeskustelu…): thousands of hits, first page of 20.</summary>
    [Benchmark]
    public async Task ApiCompoundPart()
    {
        using var response = await _client.GetAsync(Uncached("/api/v1/dissemination/models?q=ohjaus"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Two words that must both match (fewer hits).</summary>
    [Benchmark]
    public async Task ApiTwoParts()
    {
        using var response = await _client.GetAsync(Uncached("/api/v1/dissemination/models?q=mentorointi%20kiusaamisen"));
        response.EnsureSuccessStatusCode();
    }

    [Benchmark]
    public async Task ApiPartWithTheme()
    {
        using var response = await _client.GetAsync(Uncached("/api/v1/dissemination/models?q=johtaminen&theme=hyvinvointi"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The public search page over models and posts (HTML).</summary>
    [Benchmark]
    public async Task SearchPage()
    {
        using var response = await _client.GetAsync(Uncached("/search?q=ty%C3%B6el%C3%A4m%C3%A4"));
        response.EnsureSuccessStatusCode();
    }
}
