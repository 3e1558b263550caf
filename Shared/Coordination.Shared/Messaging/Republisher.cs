using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Shared.Messaging;

/// <summary>A module's current state as integration events, for a module that subscribed late
/// (or never heard them) and asks for them again. A module supplies one; the infrastructure
/// delivers what it yields to the asking module only.</summary>
public interface IStateRepublisher
{
    /// <summary>The module's current state as events of the <paramref name="wanted"/> types (others
    /// may be skipped), each with the time it stands for. The same state must give the same
    /// events (no "now" in a payload), so that a second republish is recognised by the inbox.</summary>
    IAsyncEnumerable<RepublishedEvent> StateAsync(IReadOnlySet<Type> wanted, CancellationToken cancellationToken);
}

/// <summary>One event of a module's current state and the time it stands for.</summary>
public sealed record RepublishedEvent(IIntegrationEvent Event, DateTime OccurredAt);

/// <summary>A module that can republish its state (registered with <see cref="ModuleBuilder.AddRepublisher{T}"/>).</summary>
public sealed record ModuleRepublisher(string Module, Type Type);

/// <summary>What one source module's republish did for the asking module.</summary>
public sealed record RepublishSourceResult(string Module, int Applied, int Skipped, int Failed, string? FirstError);

/// <summary>What a republish did, per source module.</summary>
public sealed record RepublishResult(string Subscriber, IReadOnlyList<RepublishSourceResult> Sources)
{
    public int Applied => Sources.Sum(s => s.Applied);

    public int Skipped => Sources.Sum(s => s.Skipped);

    public int Failed => Sources.Sum(s => s.Failed);
}

/// <summary>
/// Fills a subscribing module from the other modules' current state: each source module's
/// <see cref="IStateRepublisher"/> yields events, and those the subscriber handles are delivered
/// to its handlers only (never to other modules, which already have them) through the same inbox
/// check as live delivery. A republished event's id is derived from the subscriber, the event
/// type and the payload, so the same state republished again is skipped by the inbox, and a
/// changed state is a new event. Running it again after a failure or a crash is safe.
/// </summary>
public sealed class Republisher(IServiceScopeFactory scopes, ModuleCatalog catalog, TimeProvider clock, ILogger<Republisher> logger)
{
    /// <summary>The modules that subscribe to something, i.e. that can ask for a republish.</summary>
    public IReadOnlyList<string> Subscribers => [.. catalog.Subscriptions.Select(s => s.Module).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Delivers the current state of every other module (or only <paramref name="source"/>)
    /// to <paramref name="subscriber"/>. Null when the subscriber or the source is unknown.</summary>
    public async Task<RepublishResult?> RepublishAsync(string subscriber, string? source, string? userId, CancellationToken cancellationToken)
    {
        var subscriptions = catalog.Subscriptions.Where(s => s.Module.Equals(subscriber, StringComparison.OrdinalIgnoreCase)).ToList();
        if (subscriptions.Count == 0)
        {
            return null;
        }

        var sources = catalog.Republishers
            .Where(r => !r.Module.Equals(subscriber, StringComparison.OrdinalIgnoreCase) && (source is null || r.Module.Equals(source, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (source is not null && sources.Count == 0)
        {
            return null;
        }

        var name = subscriptions[0].Module;
        var byType = subscriptions.ToLookup(s => s.EventType);
        var wanted = byType.Select(g => g.Key).ToHashSet();
        var results = new List<RepublishSourceResult>();
        foreach (var republisher in sources)
        {
            results.Add(await RepublishFromAsync(republisher, name, byType, wanted, cancellationToken));
        }

        var result = new RepublishResult(name, results);
        await AuditAsync(name, userId, result, cancellationToken);
        logger.LogInformation("Republished to {Subscriber}: {Applied} applied, {Skipped} already known, {Failed} failed", name, result.Applied, result.Skipped, result.Failed);
        return result;
    }

    /// <summary>The id of a republished event: a name-based UUID (RFC 9562 version 8) of the
    /// subscriber, the type and the payload.</summary>
    public static Guid EventId(string subscriber, string eventType, string payload)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"republish\n{subscriber}\n{eventType}\n{payload}"));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private async Task<RepublishSourceResult> RepublishFromAsync(ModuleRepublisher republisher, string subscriber, ILookup<Type, EventSubscription> byType, HashSet<Type> wanted, CancellationToken ct)
    {
        int applied = 0, skipped = 0, failed = 0;
        string? firstError = null;
        await using var sourceScope = scopes.CreateAsyncScope();
        var state = (IStateRepublisher)sourceScope.ServiceProvider.GetRequiredService(republisher.Type);
        await foreach (var item in state.StateAsync(wanted, ct))
        {
            var type = item.Event.GetType();
            if (!wanted.Contains(type))
            {
                continue;
            }

            var payload = JsonSerializer.Serialize(item.Event, type, IntegrationEventJson.Options);
            var context = new IntegrationEventContext(EventId(subscriber, type.FullName!, payload), DateTime.SpecifyKind(item.OccurredAt, DateTimeKind.Utc), republisher.Module);
            foreach (var subscription in byType[type])
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await subscription.Deliver(scope.ServiceProvider, payload, context, ct))
                    {
                        applied++;
                    }
                    else
                    {
                        skipped++;
                    }
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    failed++;
                    firstError ??= $"{type.Name} → {subscription.HandlerType.Name}: {ex.GetType().Name}: {ex.Message}";
                    logger.LogWarning(ex, "Republished {EventType} could not be delivered to {Handler}", type.Name, subscription.HandlerName);
                }
            }
        }

        return new RepublishSourceResult(republisher.Module, applied, skipped, failed, firstError);
    }

    private async Task AuditAsync(string subscriber, string? userId, RepublishResult result, CancellationToken ct)
    {
        var database = catalog.Databases.SingleOrDefault(d => d.Module == subscriber);
        if (database is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        db.Audit(userId, "Republish", "Module", subscriber, $"applied {result.Applied}, known {result.Skipped}, failed {result.Failed}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
