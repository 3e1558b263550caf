namespace Coordination.Shared.Messaging;

/// <summary>
/// Marks an integration event: an immutable past-tense record in a module's Contracts with
/// primitive, Guid and date fields. A change is a new type, never an edit of an old one.
/// </summary>
#pragma warning disable CA1040 // a marker interface is the point: it names what may cross modules
public interface IIntegrationEvent;
#pragma warning restore CA1040

/// <summary>Handles one integration event in the subscribing module. Effects are saved by the
/// infrastructure together with the inbox record; a handler need not call SaveChanges.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : class, IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}

/// <summary>Envelope facts of the event being handled.</summary>
public sealed record IntegrationEventContext(Guid EventId, DateTime OccurredAtUtc, string SourceModule);
