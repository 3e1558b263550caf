using System.Text.Json;
using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Messaging;

/// <summary>A module's handler of one event type, with the database that keeps its inbox.</summary>
public sealed class EventSubscription
{
    private EventSubscription(string module, Type eventType, Type handlerType, Func<IServiceProvider, string, IntegrationEventContext, CancellationToken, Task<bool>> deliver)
    {
        Module = module;
        EventType = eventType;
        HandlerType = handlerType;
        Deliver = deliver;
    }

    public string Module { get; }

    public Type EventType { get; }

    public Type HandlerType { get; }

    /// <summary>Name kept in the inbox: stable as long as the handler class keeps its name.</summary>
    public string HandlerName => HandlerType.FullName!;

    /// <summary>Deserialises the payload and runs the handler with the inbox check, once: true
    /// when it ran, false when the inbox already had the event.</summary>
    internal Func<IServiceProvider, string, IntegrationEventContext, CancellationToken, Task<bool>> Deliver { get; }

    internal static EventSubscription Create<TEvent, THandler>(string module, Type contextType)
        where TEvent : class, IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        var handlerName = typeof(THandler).FullName!;
        return new EventSubscription(module, typeof(TEvent), typeof(THandler), async (services, payload, context, ct) =>
        {
            var integrationEvent = JsonSerializer.Deserialize<TEvent>(payload, IntegrationEventJson.Options)
                ?? throw new InvalidOperationException($"Payload of {typeof(TEvent).Name} {context.EventId} is null.");
            var db = (ModuleDbContext)services.GetRequiredService(contextType);
            var clock = services.GetRequiredService<TimeProvider>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.InboxMessages.AnyAsync(i => i.EventId == context.EventId && i.Handler == handlerName, ct))
            {
                return false;
            }

            await services.GetRequiredService<THandler>().HandleAsync(integrationEvent, context, ct);
            db.InboxMessages.Add(new InboxMessage { EventId = context.EventId, Handler = handlerName, ProcessedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
    }
}
