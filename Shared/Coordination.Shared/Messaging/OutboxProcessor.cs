using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Messaging;

/// <summary>
/// Delivers one module's due outbox rows to the subscribing modules' handlers. Rows are taken
/// with the shared claim (<see cref="Claims"/>), so two instances never deliver the same row at
/// the same time; each claim counts as an attempt on the row.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    ModuleCatalog catalog,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor> logger)
{
    private readonly OutboxOptions _options = options.Value;

    // Built once: the catalog is complete before the first delivery. Muted modules hear nothing.
    private readonly ILookup<string, EventSubscription> _subscriptions = catalog.Subscriptions
        .Where(s => !options.Value.MutedSubscribers.Contains(s.Module, StringComparer.OrdinalIgnoreCase))
        .ToLookup(s => s.EventType.FullName!);

    /// <summary>Claims up to a batch of due rows of <paramref name="database"/> and delivers them.
    /// Returns how many rows it claimed.</summary>
    public async Task<int> ProcessDueAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(database, cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                await DeliverAsync(database, message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: what this claim still holds goes back in line now, the row in flight
                // too (a handler skips what its inbox already holds), instead of waiting out the
                // lease after a restart.
                await using var scope = scopes.CreateAsyncScope();
                var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                await db.OutboxMessages.HeldBy(message.ClaimId!.Value).ExecuteUpdateAsync(s => s.Release(), CancellationToken.None);
                throw;
            }
        }

        return claimed.Count;
    }

    /// <summary>Reserves due rows for one claim and returns them.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = await db.ClaimAsync<OutboxMessage>(m => m.ProcessedAt == null && m.ParkedAt == null && m.NextAttemptAt <= now, _options.BatchSize, _options.ClaimLease, now, cancellationToken);
        return claim.Rows;
    }

    private async Task DeliverAsync(ModuleDatabase source, OutboxMessage message, CancellationToken cancellationToken)
    {
        var context = new IntegrationEventContext(message.Id, message.OccurredAt, source.Module);
        string? error = null;
        foreach (var subscription in _subscriptions[message.Type])
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await subscription.Deliver(scope.ServiceProvider, message.Payload, context, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Other handlers still run; the ones that succeeded skip the retry through their inbox.
                error = $"{subscription.Module}/{subscription.HandlerType.Name}: {ex.GetType().Name}: {ex.Message}";
                logger.LogWarning(ex, "Delivery of {EventType} {EventId} to {Handler} failed", message.Type, message.Id, subscription.HandlerName);
            }
        }

        await using var finish = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)finish.ServiceProvider.GetRequiredService(source.ContextType);
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.OutboxMessages.Held(message.Id, message.ClaimId!.Value);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).Release(), CancellationToken.None);
            return;
        }

        // The claim has counted this try already.
        var attempts = message.Attempts;
        var parked = attempts >= _options.MaxAttempts ? now : (DateTime?)null;
        var next = now + RetryDelay(attempts);
        if (parked is not null)
        {
            logger.LogError("Delivery of {EventType} {EventId} parked after {Attempts} attempts", message.Type, message.Id, attempts);
        }

        var text = error.Length > 4000 ? error[..4000] : error;
        await mine.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.ParkedAt, parked)
                .SetProperty(m => m.LastError, text)
                .Release(),
            CancellationToken.None);
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryBaseDelay.Ticks * factor, _options.RetryMaxDelay.Ticks));
        return delay;
    }
}
