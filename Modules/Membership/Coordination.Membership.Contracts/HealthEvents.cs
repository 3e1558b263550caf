using Coordination.Shared.Messaging;

namespace Coordination.Membership.Contracts;

/// <summary>A partner organisation's acceptance of a version of the network's rules.</summary>
public sealed record RulesAccepted(Guid OrganisationId, DateOnly AcceptedOn);

/// <summary>A version of the network's rules was published, or an organisation accepted it; the
/// full state of that version (the one with the highest Number is the current one).</summary>
public sealed record NetworkRulesChanged(
    Guid NetworkId,
    Guid RulesId,
    int Number,
    DateTime PublishedAt,
    IReadOnlyList<RulesAccepted> Acceptances,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A partner's commitment letter to a project was saved; its full state. SignerPersonId
/// is the directory person of that organisation whose name matches SignedBy, when there is one.</summary>
public sealed record CommitmentLetterSaved(
    Guid LetterId,
    Guid ProjectId,
    Guid OrganisationId,
    int TaskCount,
    string? SignedBy,
    DateOnly? SignedOn,
    Guid? SignerPersonId,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A goal of a network (NetworkId) or of a project (ProjectId) was created, edited or
/// reviewed; LastReviewedAt is its newest review, null when never reviewed.</summary>
public sealed record GoalSaved(
    Guid GoalId,
    Guid? NetworkId,
    Guid? ProjectId,
    string Objective,
    DateTime CreatedAt,
    DateTime? LastReviewedAt,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A working group was created or its coordinator changed: the current coordinator
/// (null when none) and since when they hold the term.</summary>
public sealed record WorkingGroupCoordinatorChanged(
    Guid GroupId,
    Guid NetworkId,
    string GroupName,
    Guid? CoordinatorPersonId,
    DateTime? Since,
    DateTime OccurredAt) : IIntegrationEvent;
