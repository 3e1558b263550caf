using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Coordination.Dissemination.Data;
using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Messaging;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>/metrics for Prometheus (on with configuration, for a token or allowed networks
/// only), the site's own gauges and counters, and /health/ready degrading on outbox lag.</summary>
// Meters and their listeners are process-wide: another in-process host running beside these
// tests publishes instruments of the same names, so the scrapes here run with no other fixture.
[NonParallelizable]
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class MetricsTests(Provider provider)
{
    private const string Secret = "kaavin-salaisuus-123";

    private static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Coordination:Metrics:Enabled"] = "true",
            ["Coordination:Metrics:BearerToken"] = Secret,
            ["Coordination:Metrics:AllowedNetworks"] = "",
            ["Coordination:Metrics:SampleInterval"] = "00:00:00.100",
            ["Coordination:Outbox:MaxAttempts"] = "25",
            ["Coordination:Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["Coordination:Outbox:RetryMaxDelay"] = "00:00:00.300",
            ["Coordination:Health:MaxLag"] = "00:00:01",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    [Test]
    public async Task Metrics_are_off_by_default_and_need_the_token_when_no_network_is_allowed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var off = new CoordinationApp(database))
        {
            Assert.That((await off.CreateClient().GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        await using var app = new CoordinationApp(database, Settings());
        var client = app.CreateClient();
        Assert.That((await client.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "arvaus");
            Assert.That((await client.SendAsync(wrong)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        await client.GetAsync("/health/ready");
        var text = await ScrapeAsync(app);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("http_server_request_duration_seconds"), "ASP.NET Core");
            Assert.That(text, Does.Contain("microsoft_entityframeworkcore_"), "EF Core");
            Assert.That(text, Does.Match("(?m)^(dotnet|process_runtime_dotnet)_"), ".NET runtime");
            Assert.That(text, Does.Contain("coordination_outbox_lag_seconds"), "the site's own");
        });
    }

    [Test]
    public async Task Loopback_may_scrape_when_it_is_an_allowed_network()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, Settings(new Dictionary<string, string?> { ["Coordination:Metrics:AllowedNetworks"] = "127.0.0.0/8, ::1/128" }));
        var address = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };
        Assert.That((await client.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_outbox_lag_gauge_moves_when_a_subscriber_fails_and_readiness_degrades_without_failing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Retries are picked up by the poll: at production's 1 s the 25 attempts took 25 s.
        await using var app = new CoordinationApp(database, Settings(new Dictionary<string, string?> { ["Coordination:Outbox:PollInterval"] = "00:00:00.250" }));
        var client = app.CreateClient();
        Assert.That(await Eventually.WaitForAsync(async () => Gauge(await ScrapeAsync(app), "coordination_outbox_lag_seconds", "Membership"), v => v == 0), Is.Zero);
        Assert.That(await client.GetStringAsync("/health/ready"), Is.EqualTo("Healthy"));

        // Monitoring's handler of NetworkCreated fails on this payload, again and again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var now = DateTime.UtcNow;
            db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), Type = typeof(NetworkCreated).FullName!, Payload = "{ ei jsonia", OccurredAt = now, NextAttemptAt = now });
            await db.SaveChangesAsync();
        }

        // Readiness is measured live, the gauges from a sample: readiness first, so that the row
        // is still retrying (not yet parked) when the sampled gauges are read.
        var ready = await Eventually.WaitForAsync(async () => { var r = await client.GetAsync("/health/ready"); return (r.StatusCode, await r.Content.ReadAsStringAsync()); }, r => r.Item2 == "Degraded", TimeSpan.FromSeconds(60));
        Assert.That(ready, Is.EqualTo((HttpStatusCode.OK, "Degraded")), "degraded, yet still 200");
        var lag = await Eventually.WaitForAsync(async () => Gauge(await ScrapeAsync(app), "coordination_outbox_lag_seconds", "Membership"), v => v > 1.2, TimeSpan.FromSeconds(60));
        Assert.That(lag, Is.GreaterThan(1.2), "the lag grows while the delivery fails");
        Assert.That(Gauge(await ScrapeAsync(app), "coordination_outbox_waiting", "Membership"), Is.EqualTo(1));

        var parked = await Eventually.WaitForAsync(async () => Gauge(await ScrapeAsync(app), "coordination_outbox_parked", "Membership"), v => v == 1, TimeSpan.FromSeconds(90));
        Assert.That(parked, Is.EqualTo(1), "parked after the last attempt");
        Assert.That(await Eventually.WaitForAsync(async () => Gauge(await ScrapeAsync(app), "coordination_outbox_lag_seconds", "Membership"), v => v == 0), Is.Zero, "a parked row waits for a person, not for delivery");
        Assert.That(await client.GetStringAsync("/health/ready"), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Newsletter_messages_and_job_failures_are_counted()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var notAFolder = Path.Combine(database.DataDirectory, "a-file");
        await File.WriteAllTextAsync(notAFolder, "");
        await using var app = new CoordinationApp(database, Settings(new Dictionary<string, string?> { ["Coordination:Backups:Folder"] = notAFolder }));
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            db.Subscribers.AddRange(Enumerable.Range(0, 3).Select(i => new Subscriber { Id = Guid.CreateVersion7(), Email = $"mittari{i}@example.fi", Status = SubscriberStatus.Confirmed, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        }

        var issue = (await (await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "Mitattu" } })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await RunJobAsync(app, "dissemination:newsletter-send");
        Assert.That(Counter(await ScrapeAsync(app), "coordination_newsletter_sent_total"), Is.EqualTo(3));

        if (provider == Provider.Sqlite)
        {
            // The daily backup is SQLite's; its folder is a file here, so the run fails.
            Assert.CatchAsync<IOException>(() => RunJobAsync(app, "host:backup"));
            // A scrape is cached for 300 ms: the next one shows the failure.
            Assert.That(await Eventually.WaitForAsync(async () => Counter(await ScrapeAsync(app), "coordination_jobs_failures_total", "host:backup"), v => v >= 0), Is.EqualTo(1));
        }
    }

    private static async Task RunJobAsync(CoordinationApp app, string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync(id, CancellationToken.None);
    }

    private static async Task<string> ScrapeAsync(CoordinationApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        var response = await app.CreateClient().SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of a series with module="<paramref name="module"/>", or -1 when absent.</summary>
    private static double Gauge(string text, string name, string module)
        => Value(text, name, $"module=\"{module}\"");

    private static double Counter(string text, string name, string? job = null)
        => Value(text, name, job is null ? null : $"job=\"{job}\"");

    private static double Value(string text, string name, string? label)
    {
        foreach (Match match in Series().Matches(text))
        {
            if (match.Groups["name"].Value == name && (label is null || match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            {
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    [GeneratedRegex(@"(?m)^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[-0-9.eE+]+|NaN)")]
    private static partial Regex Series();
}
