using System.Globalization;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Coordination.Shared.Security;
using Coordination.Testing;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>The figure issue 23 asks for: how long the request that cancels an event takes with
/// 30 and with 300 registrants (SQLite files, a local SMTP server that discards). The notices are
/// queued after the request by the event's own handler and sent in the background, so the
/// request should not grow with the registrants. One operation is one <c>POST
/// /api/v1/events/{id}/cancel</c> on a fresh event with that many registrations.</summary>
[InProcess]
[WarmupCount(2)]
[IterationCount(15)]
[InvocationCount(1)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes in [GlobalCleanup]
public class EventCancellationBenchmarks
#pragma warning restore CA1001
{
    private SmtpServer _smtp = null!;
    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _coordinator = null!;
    private Guid _network;
    private Guid _event;

    [Params(30, 300)]
    public int Registrants { get; set; }

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
            ["Coordination:PublicBaseUrl"] = "https://koordinaatio.example.fi",
        });
        _coordinator = await _app.ApiClientAsync(Roles.Coordinator);
        var created = await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Mittausverkosto" } });
        _network = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        while (await ScalarAsync($"SELECT COUNT(*) FROM Networks WHERE NetworkId = '{_network.ToString().ToUpperInvariant()}'") == 0)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>A new event and its registrants, written straight into events.db.</summary>
    [IterationSetup]
    public void NewEvent() => NewEventAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Benchmark]
    public async Task Cancel() => (await _coordinator.PostAsync($"/api/v1/events/{_event}/cancel", null)).EnsureSuccessStatusCode();

    private async Task NewEventAsync()
    {
        // The last cancellation's notices are queued and sent first, so they do not run during the next measurement.
        while (await ScalarAsync("SELECT (SELECT COUNT(*) FROM OutboxMessages WHERE ProcessedAt IS NULL) + (SELECT COUNT(*) FROM MailQueue WHERE Status = 'Waiting')") > 0)
        {
            await Task.Delay(50);
        }

        var start = DateTimeOffset.UtcNow.AddDays(10);
        var created = await _coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = _network, type = "webinar", title = new { fi = "Mitattava webinaari" }, audience = "public",
            startsAt = start.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), endsAt = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        });
        _event = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand($"""
            WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < {Registrants - 1})
            INSERT INTO Registrations (Id, EventId, Name, Email, Status, Number, CancelTokenHash, Language, CreatedAt, Attended, WalkIn)
            SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
                   '{_event.ToString().ToUpperInvariant()}', 'Osallistuja ' || i, 'osallistuja' || i || '-' || lower(h) || '@example.fi', 'Registered', i, lower(h) || lower(h), 'fi',
                   '2026-11-01 10:00:00', 0, 0
            FROM (SELECT i, hex(randomblob(16)) AS h FROM r);
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_database.DataDirectory, "events.db")};Default Timeout=30");
        await connection.OpenAsync();
        return connection;
    }
}
