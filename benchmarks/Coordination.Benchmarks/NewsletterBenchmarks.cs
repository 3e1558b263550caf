using System.Globalization;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Coordination.Shared.Jobs;
using Coordination.Shared.Security;
using Coordination.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Coordination.Benchmarks;

/// <summary>The figure issue 6 asks for: newsletter throughput to a local SMTP server (aiosmtpd,
/// discarding) with 10,000 confirmed subscribers, each message personalised (their own
/// unsubscribe link and headers), against a bare MailKit loop sending the same messages over one
/// connection. One operation is one whole issue: the job renders it, writes the 10,000-row
/// delivery log, claims batches and marks every message sent (SQLite), with no rate limit.</summary>
[MemoryDiagnoser]
[Config(typeof(LongInProcessConfig))]
[WarmupCount(1)]
[IterationCount(5)]
[InvocationCount(1)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes in [GlobalCleanup]
public class NewsletterBenchmarks
#pragma warning restore CA1001
{
    public const int Subscribers = 10_000;

    private SmtpServer _smtp = null!;
    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _coordinator = null!;
    private string _html = "";
    private string _text = "";
    private RssSampler? _rss;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        RepositoryRoot.UseHostContentRoot();
        _smtp = await SmtpServer.StartAsync(keepMessages: false);
        _database = await TestDatabase.CreateAsync(Provider.Sqlite);
        _app = new CoordinationApp(_database, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Coordination:Email:SmtpHost"] = "127.0.0.1",
            ["Coordination:Email:SmtpPort"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Coordination:Email:SmtpSecurity"] = "None",
            ["Coordination:Email:FromAddress"] = "uutiskirje@example.fi",
            ["Coordination:PublicBaseUrl"] = "https://koordinaatio.example.fi",
            ["Coordination:Newsletter:MessagesPerSecond"] = "1000000",
        });
        _coordinator = await _app.ApiClientAsync(Roles.Coordinator);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_database.DataDirectory, "dissemination.db")}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand($"""
            WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < {Subscribers - 1})
            INSERT INTO Subscribers (Id, Email, Language, Status, CreatedAt, ConfirmedAt, UnsubscribeToken)
            SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
                   'tilaaja' || i || '@example.fi', CASE WHEN i % 4 = 0 THEN 'sv' ELSE 'fi' END, 'Confirmed', '2026-11-01 10:00:00', '2026-11-01 10:05:00', lower(hex(randomblob(16)))
            FROM (SELECT i, hex(randomblob(16)) AS h FROM r);
            """, connection);
        await command.ExecuteNonQueryAsync();

        // The bare loop sends the message the job rendered (same size), personalised the same way.
        await SendIssueAsync();
        await using var read = new SqliteCommand("SELECT HtmlFi, TextFi FROM NewsletterIssues LIMIT 1", connection);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        _html = reader.GetString(0);
        _text = reader.GetString(1);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    // Started before and stopped after each measured send, outside the time: its start forces two
    // full collections, which inside Job() were charged to the job alone (two Gen2 a send).
    [IterationSetup(Target = nameof(Job))]
    public void StartJobRss() => _rss = RssSampler.Start($"newsletter job, {Subscribers:N0} recipients");

    [IterationSetup(Target = nameof(BareMailKitLoop))]
    public void StartLoopRss() => _rss = RssSampler.Start($"bare MailKit loop, {Subscribers:N0} recipients");

    [IterationCleanup]
    public void StopRss() => _rss?.Dispose();

    /// <summary>Creates an issue, "send now", and runs the newsletter-send job to the end; the
    /// growth of the process's resident memory during the send goes to BenchmarkDotNet.Artifacts/rss.txt.</summary>
    [Benchmark]
    public Task Job() => SendIssueAsync();

    /// <summary>The same 10,000 personalised messages from a plain loop over one MailKit connection
    /// (its resident memory sampled the same way, so both carry the sampler's timer).</summary>
    [Benchmark(Baseline = true)]
    public async Task BareMailKitLoop()
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _smtp.Port, SecureSocketOptions.None);
        for (var i = 0; i < Subscribers; i++)
        {
            var unsubscribe = $"https://koordinaatio.example.fi/newsletter/unsubscribe/{Guid.NewGuid():N}";
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress("", "uutiskirje@example.fi"));
            message.To.Add(new MailboxAddress("", $"tilaaja{i}@example.fi"));
            message.Subject = "Vertailu";
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.Body = new BodyBuilder { HtmlBody = _html.Replace("%%UNSUBSCRIBE_URL%%", unsubscribe, StringComparison.Ordinal), TextBody = _text.Replace("%%UNSUBSCRIBE_URL%%", unsubscribe, StringComparison.Ordinal) }.ToMessageBody();
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(true);
    }

    private async Task SendIssueAsync()
    {
        var created = await _coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new
        {
            subject = new { fi = "Vertailu", sv = "Jämförelse" }, editorial = new { fi = "Tervetuloa **lukemaan** verkoston kuulumisia.", sv = "Välkommen att **läsa** nätverkets nyheter." },
        });
        var id = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        (await _coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{id}/send", null)).EnsureSuccessStatusCode();
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("dissemination:newsletter-send", CancellationToken.None);
    }
}
