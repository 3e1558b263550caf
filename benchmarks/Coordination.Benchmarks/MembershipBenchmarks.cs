using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Coordination.Shared.Security;
using Coordination.Testing;

namespace Coordination.Benchmarks;

/// <summary>The figures issue 3 asks for, measured against the real host (in-process server,
/// SQLite files): importing a 16-organisation funding application, and the directory page with
/// 2,000 people.</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(15)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the app in [GlobalCleanup]
public partial class MembershipBenchmarks
#pragma warning restore CA1001
{
    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _api = null!;
    private HttpClient _browser = null!;
    private Guid _network;
    private string _application = "";
    private int _round;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        RepositoryRoot.UseHostContentRoot();
        _database = await TestDatabase.CreateAsync(Provider.Sqlite);
        _app = new CoordinationApp(_database, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _api = await _app.ApiClientAsync(Roles.Coordinator);
        _browser = await _app.BrowserClientAsync(Roles.Coordinator);
        var network = await _api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Mittausverkosto" } });
        _network = (await network.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        _application = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Applications", "network-16.txt"));

        // 2,000 people in 40 organisations, 10 in parallel.
        var organisations = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var response = await _api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Organisaatio {i:D2}", type = "educationProvider", language = "fi" });
            organisations.Add((await response.Content.ReadFromJsonAsync<IdResponse>())!.Id);
        }

        string[] surnames = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen"];
        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (i, ct) =>
        {
            var response = await _api.PostAsJsonAsync("/api/v1/membership/people", new
            {
                name = $"Henkilö{i:D4} {surnames[i % surnames.Length]}",
                email = $"henkilo{i:D4}@example.fi",
                organisationId = organisations[i % organisations.Count],
                language = "fi",
                roles = new[] { new { role = "contact", networkId = _network } },
            }, ct);
            response.EnsureSuccessStatusCode();
        });
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A fresh import: 16 new organisations and contacts, the project, 4 goals, 9 budget lines, the plan.</summary>
    [Benchmark]
    public async Task ImportSixteenOrganisationApplication()
    {
        var round = Interlocked.Increment(ref _round);
        var text = PartnerLine().Replace(_application, m => $"{m.Groups[1].Value}{m.Groups[2].Value} {round}\t{round}.{m.Groups[3].Value}");
        text = text.Replace("2783981-8", "", StringComparison.Ordinal)
            .Replace("verkostot ohjauksen tukena", $"verkostot ohjauksen tukena {round}", StringComparison.Ordinal); // the same application twice is refused
        using var response = await _api.PostAsync($"/api/v1/membership/applications/import?networkId={_network}", new StringContent(text, Encoding.UTF8, "text/plain"));
        response.EnsureSuccessStatusCode();
    }

    [Benchmark]
    public async Task PreviewSixteenOrganisationApplication()
    {
        using var response = await _api.PostAsync("/api/v1/membership/applications/preview", new StringContent(_application, Encoding.UTF8, "text/plain"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The directory page (HTML, 50 of 2,000+ people, sorted by name).</summary>
    [Benchmark]
    public async Task DirectoryFirstPage()
    {
        using var response = await _browser.GetAsync("/membership/people");
        response.EnsureSuccessStatusCode();
    }

    [Benchmark]
    public async Task DirectoryLastPage()
    {
        using var response = await _browser.GetAsync("/membership/people?page=40");
        response.EnsureSuccessStatusCode();
    }

    [Benchmark]
    public async Task DirectorySearch()
    {
        using var response = await _browser.GetAsync("/membership/people?q=m%C3%A4kinen");
        response.EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"^(\d+ )?([^\t\n]+)\t([^\t\n]+@[^\t\n]+)$", RegexOptions.Multiline)]
    private static partial Regex PartnerLine();
}
