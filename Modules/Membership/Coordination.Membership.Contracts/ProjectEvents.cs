using Coordination.Shared.Messaging;

namespace Coordination.Membership.Contracts;

/// <summary>An organisation taking part in a project, as other modules need it.</summary>
public sealed record ProjectOrganisation(Guid OrganisationId, string Name, string? BusinessId, bool IsLead);

/// <summary>A project became a member of a network (created there, by hand or by import).</summary>
public sealed record ProjectJoinedNetwork(
    Guid ProjectId,
    Guid NetworkId,
    string Name,
    string? Acronym,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<ProjectOrganisation> Organisations,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A project's names, dates or organisations changed; the full current state.</summary>
public sealed record ProjectUpdated(
    Guid ProjectId,
    Guid NetworkId,
    string Name,
    string? Acronym,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<ProjectOrganisation> Organisations,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A project reached its end date (emitted once, by a daily job).</summary>
public sealed record ProjectEnded(Guid ProjectId, Guid NetworkId, string Name, DateOnly EndDate, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A coordinator deleted a project (e.g. one imported twice). Its goals, plan, budget
/// and roles are gone from Membership; modules that keep a copy of the project may drop or hide it.</summary>
public sealed record ProjectDeleted(Guid ProjectId, Guid NetworkId, string Name, DateTime OccurredAt) : IIntegrationEvent;
