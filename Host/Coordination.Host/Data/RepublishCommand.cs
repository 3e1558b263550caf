using Coordination.Shared.Messaging;

namespace Coordination.Host.Data;

/// <summary><c>republish &lt;Module&gt; [--from &lt;Source&gt;]</c>: fills a module that subscribed late
/// (e.g. Monitoring on a site that already holds data) from the other modules' current state,
/// then exits. Safe to run again: what the module already has is skipped.</summary>
internal static class RepublishCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "republish";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var module = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        var from = Array.IndexOf(args, "--from") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var republisher = services.GetRequiredService<Republisher>();
        if (module is null)
        {
            await Console.Error.WriteLineAsync($"usage: republish <Module> [--from <Source>]; modules that subscribe: {string.Join(", ", republisher.Subscribers)}");
            return 2;
        }

        var result = await republisher.RepublishAsync(module, from, null, CancellationToken.None);
        if (result is null)
        {
            await Console.Error.WriteLineAsync($"No module '{module}' that subscribes to events{(from is null ? "" : $", or no module '{from}' that republishes")}. Modules that subscribe: {string.Join(", ", republisher.Subscribers)}");
            return 2;
        }

        foreach (var source in result.Sources)
        {
            Console.WriteLine($"{source.Module} → {result.Subscriber}: {source.Applied} applied, {source.Skipped} already known, {source.Failed} failed{(source.FirstError is null ? "" : $" ({source.FirstError})")}");
        }

        Console.WriteLine($"{result.Subscriber}: {result.Applied} applied, {result.Skipped} already known, {result.Failed} failed");
        return result.Failed == 0 ? 0 : 1;
    }
}
