using Coordination.Shared.Messaging;

namespace Coordination.Events.Contracts;

/// <summary>A decision got its number when the minutes of the event it was made at were approved.
/// Numbers run per network and year (the event's year in Helsinki) without gaps. SteeringGroup:
/// made at a steering-group meeting (its text is for the steering group and coordinators).</summary>
public sealed record DecisionMade(
    Guid DecisionId,
    Guid EventId,
    Guid NetworkId,
    int Year,
    int Number,
    string Text,
    bool SteeringGroup,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>The organiser approved a version of an event's minutes (1 the first; a later version
/// supersedes the earlier, which stays as it was). For the network-health check: regular
/// meetings that leave minutes. ProjectId: the project the event belongs to, if any.</summary>
public sealed record MinutesApproved(
    Guid EventId,
    Guid NetworkId,
    string EventType,
    DateTime EventStartsAt,
    int Version,
    int DecisionCount,
    DateTime OccurredAt,
    Guid? ProjectId = null) : IIntegrationEvent;

/// <summary>An action item agreed at an event was closed (done); PersonId is who it was for.</summary>
public sealed record ActionItemClosed(
    Guid ActionItemId,
    Guid EventId,
    Guid NetworkId,
    Guid PersonId,
    DateOnly Due,
    DateTime ClosedAt) : IIntegrationEvent;
