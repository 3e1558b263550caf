using Coordination.Shared.Messaging;

namespace Coordination.Events.Contracts;

/// <summary>An event was created or changed (any audience: public, network, projectManagers).
/// Sequence grows with every change, so a reader keeps the highest it has seen. The online
/// link is never included: it belongs to those registered. Dissemination lists upcoming
/// public events in the newsletter.</summary>
public sealed record EventScheduled(
    Guid EventId,
    Guid NetworkId,
    string Type,
    string Audience,
    string TitleFi,
    string? TitleSv,
    string? TitleEn,
    DateTime StartsAt,
    DateTime EndsAt,
    string? Place,
    bool Online,
    int Sequence,
    DateTime ChangedAt) : IIntegrationEvent;

/// <summary>An event was cancelled (after this, no EventScheduled for it follows).</summary>
public sealed record EventCancelled(Guid EventId, Guid NetworkId, int Sequence, DateTime CancelledAt) : IIntegrationEvent;
