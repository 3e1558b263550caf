using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Coordination.Host.Tests;

/// <summary>Secret links (password reset, survey answering, cancelling a registration,
/// newsletter confirmation and unsubscribing, personal calendar feeds) never reach the logs,
/// whatever the log level: everything is logged at Trace here and searched for the tokens.</summary>
[TestFixture]
public sealed class LogRedactionTests
{
    [Test]
    public async Task Secret_tokens_in_addresses_never_reach_the_logs_even_at_trace_level()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            ["Logging:LogLevel:Hangfire"] = "Trace",
        };
        var captured = new CapturingProvider();
        await using var app = new CoordinationApp(database, settings);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(captured)));
        var client = logged.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        string Token() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(48));
        var identityToken = Uri.EscapeDataString(Convert.ToBase64String(RandomNumberGenerator.GetBytes(90)));
        var secrets = new[] { Token(), Token(), Token(), Token(), Token(), Token(), Token() };
        var address = "salainen.osoite@example.fi";
        string[] paths =
        [
            $"/account/reset-password?email={Uri.EscapeDataString(address)}&token={identityToken}",
            $"/s/{secrets[0]}",
            $"/api/v1/surveys/responses/{secrets[1]}",
            $"/events/cancel/{secrets[2]}",
            $"/newsletter/unsubscribe/{secrets[3]}",
            $"/newsletter/confirm/{secrets[4]}",
            $"/events/feeds/{secrets[5]}.ics",
            $"/no/such/page/{secrets[6]}?token={secrets[6]}",
        ];
        foreach (var path in paths)
        {
            await client.GetAsync(path);
        }

        var lines = captured.Lines.ToList();
        Assert.That(lines, Has.Count.GreaterThan(20), "Trace logging is on");
        Assert.That(lines.Where(l => l.Contains("/account/reset-password", StringComparison.Ordinal)), Is.Not.Empty, "the requests are logged, their secrets not");
        var leaks = lines.Where(l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal))
            || l.Contains(identityToken, StringComparison.Ordinal)
            || l.Contains(identityToken[..40], StringComparison.Ordinal)
            || l.Contains(address, StringComparison.OrdinalIgnoreCase)
            || l.Contains(Uri.EscapeDataString(address), StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(leaks, Is.Empty);
    }

    /// <summary>Keeps what any logger would write: the formatted message, every state value and
    /// the scopes (the host's request scope holds the path).</summary>
    private sealed class CapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ConcurrentQueue<string> Lines { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            private static string Values(object? state)
                => state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = Values(state);
                var scopes = new System.Text.StringBuilder();
                provider._scopes?.ForEachScope((scope, text) => text.Append(scope).Append(' ').Append(Values(scope)).Append(" / "), scopes);
                provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {scopes} | {exception}");
            }
        }
    }
}
