using Coordination.Shared.Messaging;

namespace Coordination.Events.Contracts;

/// <summary>Someone who attended an event (registered or walked in). Organisation is what they
/// wrote; for a person of the network's directory (matched by e-mail when the event was held)
/// PersonId, their OrganisationId and the projects they hold a role in (ProjectIds) are given
/// too — empty for guests from outside the network.</summary>
public sealed record Attendee(
    string Email,
    string Name,
    string? Organisation,
    Guid? PersonId = null,
    Guid? OrganisationId = null,
    IReadOnlyList<Guid>? ProjectIds = null);

/// <summary>An event was held and its attendance recorded. Type is one of networkMeeting,
/// developmentDay, projectManagerDay, disseminationSeminar, webinar, workshop, roundTable,
/// steeringGroup. Surveys keeps the attendees as an audience and, with FeedbackSurvey (the organiser's choice), sends them the event feedback survey; Monitoring counts them.</summary>
public sealed record EventHeld(
    Guid EventId,
    Guid NetworkId,
    string Type,
    string TitleFi,
    DateTime StartsAt,
    DateTime EndsAt,
    IReadOnlyList<Attendee> Attendees,
    int ParticipantCount,
    int OrganisationCount,
    DateTime HeldAt,
    bool FeedbackSurvey = false) : IIntegrationEvent;
