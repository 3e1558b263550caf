using System.Globalization;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Coordination.Dissemination.Contracts;
using Coordination.Events.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Features.TrackActivity;
using Coordination.PeerReview.Contracts;
using Coordination.Shared.Data;
using Coordination.Shared.Messaging;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Coordination.Surveys.Contracts;
using Coordination.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Benchmarks;

/// <summary>The figures issues 17 and 18 ask for: the indicators endpoint, the funder's report and network health of a
/// network with two years of life (16 projects with a manager and a contact each, 60 events with
/// 30 attendances each, 6 surveys, 40 peer-reviewed models of which 5 expert-reviewed, 10
/// newsletter issues to 200 subscribers, 20 posts), and with ten times its events and attendance
/// (600 events, 18,000 attendances), on SQLite against the real host. The network, projects and
/// people are made through the API; the activity is fed to Monitoring's own event handlers as
/// the contract events the other modules publish (driving every event through the other
/// modules' APIs would take long and is not what is measured).</summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(15)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the app in [GlobalCleanup]
public class MonitoringBenchmarks
#pragma warning restore CA1001
{
    private static readonly string[] Types = ["networkMeeting", "developmentDay", "projectManagerDay", "disseminationSeminar", "webinar", "workshop", "roundTable", "steeringGroup"];

    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _api = null!;
    private HttpClient _browser = null!;
    private Guid _network;
    private string _period = "";

    /// <summary>1: the two-year network; 10: ten times its events and attendance.</summary>
    [Params(1, 10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        RepositoryRoot.UseHostContentRoot();
        _database = await TestDatabase.CreateAsync(Provider.Sqlite);
        _app = new CoordinationApp(_database, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _api = await _app.ApiClientAsync(Roles.Coordinator);
        _browser = await _app.BrowserClientAsync(Roles.Coordinator);
        _network = (await (await _api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Mittausverkosto" } })).Content.ReadFromJsonAsync<IdResponse>())!.Id;
        var people = new List<(Guid Person, string Email, Guid Organisation, Guid Project)>();
        for (var i = 0; i < 16; i++)
        {
            var lead = await IdAsync(_api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Mittausopisto {i}", type = "educationProvider", language = "fi" }));
            var partner = await IdAsync(_api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Mittauskumppani {i}", type = "association", language = "fi" }));
            var project = await IdAsync(_api.PostAsJsonAsync("/api/v1/membership/projects", new
            {
                networkId = _network, name = $"Hanke {i:D2}", acronym = $"H{i:D2}", fundingDecisionNumber = "OPH-1/2026", leadOrganisationId = lead,
                partnerOrganisationIds = new[] { partner }, startDate = "2024-01-01", endDate = "2027-12-31", grantedAmount = 1000m, ownFinancing = 300m,
            }));
            foreach (var (organisation, role, n) in new[] { (lead, "projectManager", "p"), (partner, "contact", "c") })
            {
                var email = $"{n}{i}@example.fi";
                var person = await IdAsync(_api.PostAsJsonAsync("/api/v1/membership/people", new { name = $"Henkilö {n}{i}", email, language = "fi", organisationId = organisation, roles = new[] { new { role, projectId = project } } }));
                people.Add((person, email, organisation, project));
            }
        }

        await DrainedAsync();
        await FeedActivityAsync(people);
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        _period = $"from={to.AddYears(-2).AddDays(-1):yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var check = await _api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/monitoring/networks/{_network}/indicators?{_period}");
        Console.WriteLine($"// Scale {Scale}: {check!["eventsHeld"]} events, {check["attendances"]} attendances, {check["participants"]} participants, {check["modelsPublished"]} models");

        // What is measured must be the real answer, not a redirect or an error page.
        using var page = await _browser.GetAsync($"/monitoring/networks/{_network}/report?{_period}");
        using var workbook = await _api.GetAsync($"/api/v1/monitoring/networks/{_network}/report.xlsx?{_period}");
        using var health = await _api.GetAsync($"/api/v1/monitoring/networks/{_network}/health");
        if (!health.IsSuccessStatusCode || (await health.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["projects"]!.AsArray().Count != 16)
        {
            throw new InvalidOperationException($"The health answered {health.StatusCode} without the 16 running projects.");
        }

        if (!page.IsSuccessStatusCode || page.Content.Headers.ContentType?.MediaType != "text/html"
            || !workbook.IsSuccessStatusCode || workbook.Content.Headers.ContentType?.MediaType != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            throw new InvalidOperationException($"The report answered {page.StatusCode} {page.Content.Headers.ContentType}, the workbook {workbook.StatusCode} {workbook.Content.Headers.ContentType}.");
        }
    }

    /// <summary>The activity as the other modules announce it, through Monitoring's own handlers.</summary>
    private async Task FeedActivityAsync(List<(Guid Person, string Email, Guid Organisation, Guid Project)> people)
    {
        var random = new Random(17);
        var start = DateTime.UtcNow.Date.AddDays(-728).AddHours(8);
        var events = 60 * Scale;
        var projects = people.Select(p => p.Project).Distinct().ToList();
        var feed = new List<IIntegrationEvent>();
        for (var e = 0; e < events; e++)
        {
            var startsAt = start.AddMinutes(e * (728.0 * 24 * 60 / events));
            var attendees = new List<Attendee>();
            foreach (var p in people.OrderBy(_ => random.Next()).Take(12))
            {
                attendees.Add(new Attendee(p.Email, "Henkilö", null, p.Person, p.Organisation, [p.Project]));
            }

            for (var g = 0; g < 18; g++)
            {
                var guest = random.Next(400);
                attendees.Add(new Attendee($"vieras{guest}@example.fi", $"Vieras {guest}", $"Organisaatio {guest % 60}"));
            }

            attendees = [.. attendees.DistinctBy(a => a.Email)];
            feed.Add(new EventHeld(Guid.NewGuid(), _network, Types[e % Types.Length], $"Tapahtuma {e}", startsAt, startsAt.AddHours(2), attendees, attendees.Count, 0, startsAt.AddHours(3)));
        }

        for (var s = 0; s < 6; s++)
        {
            var closed = start.AddDays(120 * s + 30);
            feed.Add(new SurveyClosed(Guid.NewGuid(), _network, $"Kysely {s}", "networkFeedback", null, s % 2 == 0, 60, 20 + s, closed.AddDays(-14), closed, []));
        }

        for (var m = 0; m < 40; m++)
        {
            var model = Guid.NewGuid();
            var published = start.AddDays(15 * m + 10);
            feed.Add(new ModelPublished(model, _network, projects[m % projects.Count], $"Malli {m}", null, null, "Tiivistelmä", ["Osallisuus"], 1, published));
            feed.Add(new ModelPeerReviewed(model, Guid.Empty, "Vertaiskierros", 2, 4.1, published.AddDays(30)));
            if (m % 8 == 0)
            {
                feed.Add(new ModelExpertReviewed(model, Guid.NewGuid(), "Asiantuntijat", 1, 4.5, published.AddDays(60)));
            }
        }

        for (var n = 0; n < 200; n++)
        {
            feed.Add(new NewsletterSubscriptionConfirmed(Guid.NewGuid(), n % 4 == 0 ? "sv" : "fi", start.AddDays(n * 3)));
        }

        for (var i = 0; i < 10; i++)
        {
            feed.Add(new NewsletterIssueSent(Guid.NewGuid(), $"Uutiskirje {i}", null, 150 + i, 0, start.AddDays(70 * i + 20)));
        }

        for (var i = 0; i < 20; i++)
        {
            feed.Add(new PostPublished(Guid.NewGuid(), "blog", i % 4 == 0 ? null : projects[i % projects.Count], $"Kirjoitus {i}", null, start.AddDays(35 * i + 5)));
        }

        foreach (var batch in feed.Chunk(200))
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var handlers = new ActivityHandlers(db);
            foreach (var item in batch)
            {
                var context = new IntegrationEventContext(Guid.NewGuid(), DateTime.UtcNow, "Benchmark");
                await (item switch
                {
                    EventHeld x => handlers.HandleAsync(x, context, CancellationToken.None),
                    SurveyClosed x => handlers.HandleAsync(x, context, CancellationToken.None),
                    ModelPublished x => handlers.HandleAsync(x, context, CancellationToken.None),
                    ModelPeerReviewed x => handlers.HandleAsync(x, context, CancellationToken.None),
                    ModelExpertReviewed x => handlers.HandleAsync(x, context, CancellationToken.None),
                    NewsletterSubscriptionConfirmed x => handlers.HandleAsync(x, context, CancellationToken.None),
                    NewsletterIssueSent x => handlers.HandleAsync(x, context, CancellationToken.None),
                    PostPublished x => handlers.HandleAsync(x, context, CancellationToken.None),
                    _ => Task.CompletedTask,
                });
                await db.SaveChangesAsync();
            }
        }
    }

    private async Task DrainedAsync()
    {
        var catalog = _app.Services.GetRequiredService<ModuleCatalog>();
        while (true)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var pending = false;
            foreach (var database in catalog.Databases)
            {
                pending |= await ((ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).OutboxMessages.AnyAsync(m => m.ProcessedAt == null);
            }

            if (!pending)
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<Guid> IdAsync(Task<HttpResponseMessage> response) => (await (await response).Content.ReadFromJsonAsync<IdResponse>())!.Id;

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Description = "GET /api/v1/monitoring/networks/{id}/indicators (two years)")]
    public async Task<string> IndicatorsApi() => await _api.GetStringAsync($"/api/v1/monitoring/networks/{_network}/indicators?{_period}");

    [Benchmark(Description = "the printable report page (two years)")]
    public async Task<string> ReportPage() => await _browser.GetStringAsync($"/monitoring/networks/{_network}/report?{_period}");

    [Benchmark(Description = "GET /api/v1/monitoring/networks/{id}/health (16 projects, two years)")]
    public async Task<string> HealthApi() => await _api.GetStringAsync($"/api/v1/monitoring/networks/{_network}/health");

    [Benchmark(Description = "the report as XLSX (two years)")]
    public async Task<byte[]> ReportXlsx() => await _api.GetByteArrayAsync($"/api/v1/monitoring/networks/{_network}/report.xlsx?{_period}");
}
