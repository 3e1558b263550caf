using Coordination.Shared.Messaging;

namespace Coordination.Membership.Contracts;

/// <summary>A role a person holds in a project or a network. Role is one of projectManager,
/// contact, leadership, coordinator, expert, steeringGroup, funderObserver (in a network; since
/// issue 15 — a reader should ignore a role it does not know).</summary>
public sealed record PersonRole(string Role, Guid? ProjectId, Guid? NetworkId);

/// <summary>A person was added to the network's directory.</summary>
public sealed record PersonRegistered(
    Guid PersonId,
    string Name,
    string Email,
    Guid? OrganisationId,
    string Language,
    IReadOnlyList<PersonRole> Roles,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A person's details or roles changed; the full current state.</summary>
public sealed record PersonUpdated(
    Guid PersonId,
    string Name,
    string Email,
    Guid? OrganisationId,
    string Language,
    IReadOnlyList<PersonRole> Roles,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A person's data was erased on request: other modules anonymise what they keep of them.</summary>
public sealed record PersonErased(Guid PersonId, DateTime OccurredAt) : IIntegrationEvent;
