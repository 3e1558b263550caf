using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Coordination.Shared.Security;
using Coordination.Testing;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>The figure issue 5 asks for: the results endpoint of a survey of 30 Likert questions
/// with 100,000 responses (3.0 million answers) in ten projects, on SQLite, against the real host.
/// The survey is built through the API; the responses are written with SQL (the answering path
/// would take hours and is not what is measured). The database is also copied to
/// BenchmarkDotNet.Artifacts/surveys-100k.db for the same aggregation in the sqlite3 shell.</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(10)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the app in [GlobalCleanup]
public class SurveyResultsBenchmarks
#pragma warning restore CA1001
{
    public const int Responses = 100_000;
    public const int Questions = 30;

    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _api = null!;
    private HttpClient _browser = null!;
    private Guid _survey;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        RepositoryRoot.UseHostContentRoot();
        _database = await TestDatabase.CreateAsync(Provider.Sqlite);
        _app = new CoordinationApp(_database, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _api = await _app.ApiClientAsync(Roles.Coordinator);
        _browser = await _app.BrowserClientAsync(Roles.Coordinator);
        var network = (await (await _api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Mittausverkosto" } })).Content.ReadFromJsonAsync<IdResponse>())!.Id;
        var projects = new List<Guid>();
        var lead = (await (await _api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Mittausopisto", type = "educationProvider", language = "fi" })).Content.ReadFromJsonAsync<IdResponse>())!.Id;
        for (var i = 0; i < 10; i++)
        {
            var project = await _api.PostAsJsonAsync("/api/v1/membership/projects", new
            {
                networkId = network, name = $"Hanke {i}", acronym = $"H{i}", fundingDecisionNumber = "OPH-1/2026", leadOrganisationId = lead,
                partnerOrganisationIds = Array.Empty<Guid>(), startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 1000m, ownFinancing = 300m,
            });
            projects.Add((await project.Content.ReadFromJsonAsync<IdResponse>())!.Id);
        }

        (_survey, var keys) = await LikertSurveySeed.CreateAsync(_api, network, "Mittauskysely", Questions, matrix: "vaikutukset");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_database.DataDirectory, "surveys.db")}");
        await connection.OpenAsync();
        await LikertSurveySeed.FillAsync(connection, _survey, keys, Responses, projects);

        await using (var analyse = new SqliteCommand("ANALYZE;", connection))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        var copy = Path.Combine(RepositoryRoot.Path, "BenchmarkDotNet.Artifacts", "surveys-100k.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Delete(copy);
        await using (var vacuum = new SqliteCommand($"VACUUM INTO '{copy}'", connection))
        {
            await vacuum.ExecuteNonQueryAsync();
        }

        await File.WriteAllTextAsync(Path.Combine(RepositoryRoot.Path, "BenchmarkDotNet.Artifacts", "surveys-100k.txt"), _survey.ToString().ToUpperInvariant());
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>GET /api/v1/surveys/{id}/results: every question's n, mean, sd, distribution and
    /// "can't say", and the same for each of the ten projects, with response rates.</summary>
    [Benchmark]
    public async Task ResultsApi()
    {
        using var response = await _api.GetAsync($"/api/v1/surveys/{_survey}/results");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The results page: the same figures with the chart and tables.</summary>
    [Benchmark]
    public async Task ResultsPage()
    {
        using var response = await _browser.GetAsync($"/surveys/{_survey}/results");
        response.EnsureSuccessStatusCode();
    }
}
