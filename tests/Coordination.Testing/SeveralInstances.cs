using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Testing;

/// <summary>Runs the same work at once in several places, as overlapping runs of a recurring job
/// would: twice in each of two instances on PostgreSQL, four times in the one instance SQLite
/// allows (one process per data folder).</summary>
public sealed class SeveralInstances : IAsyncDisposable
{
    private SeveralInstances(CoordinationApp first, CoordinationApp? second)
    {
        First = first;
        Second = second;
    }

    public CoordinationApp First { get; }

    public CoordinationApp? Second { get; }

    /// <summary>Each place work runs in: first, second, first, second (or first four times).</summary>
    public IEnumerable<CoordinationApp> Runners => [First, Second ?? First, First, Second ?? First];

    public static SeveralInstances Start(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var first = new CoordinationApp(database, settings);
        _ = first.Server;
        var second = database.Provider == Provider.Postgres ? new CoordinationApp(database, settings) : null;
        _ = second?.Server;
        return new SeveralInstances(first, second);
    }

    /// <summary>Runs <typeparamref name="TJob"/> (a module's recurring job) four times at once.</summary>
    public Task RunAtOnceAsync<TJob>()
        where TJob : Coordination.Shared.Jobs.IRecurringJob
        => Task.WhenAll(Runners.Select(app => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<TJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        })));

    /// <summary>The e-mail settings of an app that sends to <paramref name="smtp"/>.</summary>
    public static Dictionary<string, string?> Smtp(SmtpServer smtp, string from = "koordinaatio@example.fi") => new()
    {
        ["Coordination:Email:SmtpHost"] = "127.0.0.1",
        ["Coordination:Email:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Coordination:Email:SmtpSecurity"] = "None",
        ["Coordination:Email:FromAddress"] = from,
        ["Coordination:PublicBaseUrl"] = "https://koordinaatio.example.fi",
    };

    public async ValueTask DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        await First.DisposeAsync();
    }
}
