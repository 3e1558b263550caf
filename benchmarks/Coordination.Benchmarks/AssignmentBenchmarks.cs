using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Coordination.PeerReview.Assigning;
using Coordination.Shared.Security;
using Coordination.Testing;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>The figure issue 7 asks for: automatic assignment of 1,000 submissions to 300
/// reviewers with k = 3 (100 projects of 1–3 organisations drawn from a shared pool, ten models
/// each, three reviewers each, 5 % declaring a conflict with some other project). Planner: the
/// algorithm alone. Endpoint: POST /api/v1/peer-review/rounds/{id}/assign against the real host
/// on SQLite, reading the round and writing the 3,000 assignments (deleted between iterations).</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(1)]
[IterationCount(10)]
[InvocationCount(1)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the app in [GlobalCleanup]
public class AssignmentBenchmarks
#pragma warning restore CA1001
{
    private const int Projects = 100;
    private const int ModelsPerProject = 10;
    private const int ReviewersPerProject = 3;

    private List<PlannedSubmission> _submissions = [];
    private List<PlannedReviewer> _reviewers = [];
    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _coordinator = null!;
    private Guid _round;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var random = new Random(2026);
        var organisations = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToList();
        var projects = Enumerable.Range(0, Projects).Select(_ => (Id: Guid.NewGuid(), Organisations: organisations.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList())).ToList();
        _submissions = [.. projects.SelectMany(p => Enumerable.Range(0, ModelsPerProject).Select(_ => new PlannedSubmission(Guid.NewGuid(), p.Id, p.Organisations)))];
        _reviewers = [.. projects.SelectMany(p => Enumerable.Range(0, ReviewersPerProject).Select(_ => new PlannedReviewer(
            Guid.NewGuid(), p.Id, [p.Organisations[random.Next(p.Organisations.Count)]], random.NextDouble() < 0.05 ? [projects[random.Next(Projects)].Id] : [], [])))];

        RepositoryRoot.UseHostContentRoot();
        _database = await TestDatabase.CreateAsync(Provider.Sqlite);
        _app = new CoordinationApp(_database, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _coordinator = await _app.ApiClientAsync(Roles.Coordinator);
        var created = await _coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new { name = "Suuri kierros", type = "peer", reviewersPerSubmission = 3, maxReviewsPerReviewer = 20 });
        _round = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_database.DataDirectory, "peerreview.db")}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var round = Upper(_round);
        foreach (var s in _submissions)
        {
            await Execute(connection, transaction, $"""
                INSERT INTO Submissions (Id, RoundId, ModelId, ProjectId, OrganisationIdsJson, Title, Summary, Challenge, Method, Result, ModelVersion, SubmittedAt)
                VALUES ('{Upper(s.Id)}', '{round}', '{Upper(Guid.NewGuid())}', '{Upper(s.ProjectId!.Value)}', '{Json(s.OrganisationIds)}', 'Malli', '', '', '', '', 1, '2026-11-24 10:00:00')
                """);
        }

        var n = 0;
        foreach (var r in _reviewers)
        {
            await Execute(connection, transaction, $"""
                INSERT INTO Reviewers (Id, RoundId, Name, Email, ProjectId, OrganisationIdsJson, ConflictProjectIdsJson, ConflictOrganisationIdsJson, Volunteered, AddedAt)
                VALUES ('{Upper(r.Id)}', '{round}', 'Arvioija {n}', 'arvioija{n++}@example.fi', '{Upper(r.ProjectId!.Value)}', '{Json(r.OrganisationIds)}', '{Json(r.ConflictProjectIds)}', '[]', 0, '2026-11-24 10:00:00')
                """);
        }

        await transaction.CommitAsync();
    }

    [IterationSetup(Target = nameof(Endpoint))]
    public void ClearAssignments()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_database.DataDirectory, "peerreview.db")}");
        connection.Open();
        using var command = new SqliteCommand("DELETE FROM Assignments", connection);
        command.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public int Planner() => AssignmentPlanner.Plan(_submissions, _reviewers, [], 3, 20, 7).Added.Count;

    [Benchmark]
    public async Task Endpoint()
    {
        using var response = await _coordinator.PostAsync($"/api/v1/peer-review/rounds/{_round}/assign", null);
        response.EnsureSuccessStatusCode();
    }

    private static string Upper(Guid id) => id.ToString().ToUpperInvariant();

    private static string Json(IEnumerable<Guid> ids) => "[" + string.Join(",", ids.Select(i => "\"" + i.ToString() + "\"")) + "]";

    private static async Task Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
