using Coordination.Shared.Messaging;

namespace Coordination.Surveys.Contracts;

/// <summary>The state of one wave of a model's follow-up after its project ended, published on
/// every answer (the full current state, so the newest one wins): Months after the end
/// (ProjectEndedOn), Use is inUse, partly, noLonger or dontKnow (the strongest use any
/// organisation reported), OrganisationsInUse of Organisations (the project's) use it (in use or
/// partly), Answers organisations answered; Reason is why it is no longer in use (an answer's
/// "what hinders", in the language it was written), when Use is noLonger.</summary>
public sealed record ModelFollowedUp(
    Guid ModelId,
    Guid NetworkId,
    Guid ProjectId,
    Guid WaveId,
    int Months,
    DateOnly ProjectEndedOn,
    string Use,
    int OrganisationsInUse,
    int Organisations,
    int Answers,
    string? Reason,
    DateTime AnsweredAt,
    DateTime OccurredAt) : IIntegrationEvent;
