using Coordination.Shared.Messaging;

namespace Coordination.Events.Contracts;

/// <summary>An organiser took back "marked held" (before anyone answered the event's feedback
/// survey). HeldAt is the marking taken back: what <see cref="EventHeld"/> carried. Monitoring
/// drops the held event and its attendance from the indicators; Surveys forgets the attendees
/// and withdraws the feedback survey it made if nobody has answered it. The event may be marked
/// held again, which publishes a new EventHeld with a later HeldAt.</summary>
public sealed record EventHeldRetracted(
    Guid EventId,
    Guid NetworkId,
    DateTime HeldAt,
    DateTime RetractedAt) : IIntegrationEvent;
