using System.Collections;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.Host.Web.Logging;

/// <summary>The host's logger factory with every message, state value and scope passed through
/// <see cref="SecretRedaction"/> before any provider sees it. It wraps the factory, not the
/// providers, so that a provider added later (a test's, an operator's) is covered too.</summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>Replaces the host's <see cref="LoggerFactory"/> with this wrapper around one
    /// made the same way (every registered provider, the filter options, the scope provider).</summary>
    public static void Register(IServiceCollection services)
    {
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<Microsoft.Extensions.Options.IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>())));
    }

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? inner.BeginScope(new RedactedState(pairs, state.ToString()))
                : inner.BeginScope(SecretRedaction.Redact(state.ToString() ?? ""));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            // An exception's text can hold an address too: it goes redacted into the message, not as an object.
            var message = formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception);
            var redacted = new RedactedState(state as IReadOnlyList<KeyValuePair<string, object?>> ?? [], message);
            inner.Log(logLevel, eventId, redacted, null, static (s, _) => s.ToString());
        }
    }

    /// <summary>Structured state with redacted values; its text is the redacted message.</summary>
    private sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> pairs, string? message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly string _message = SecretRedaction.Redact(message ?? "");

        public int Count => pairs.Count;

        public KeyValuePair<string, object?> this[int index]
        {
            get
            {
                var pair = pairs[index];
                return pair.Key == "{OriginalFormat}" ? pair : new(pair.Key, SecretRedaction.Redact(pair.Value));
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _message;
    }
}
