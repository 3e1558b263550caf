using Coordination.Shared.Messaging;

namespace Coordination.Membership.Contracts;

/// <summary>A coordinator created a network. Names as they were at creation.</summary>
public sealed record NetworkCreated(Guid NetworkId, string NameFi, string? NameSv, string? NameEn, DateTime CreatedAt) : IIntegrationEvent;
