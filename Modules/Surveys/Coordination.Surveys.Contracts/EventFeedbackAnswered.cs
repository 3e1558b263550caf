using Coordination.Shared.Messaging;

namespace Coordination.Surveys.Contracts;

/// <summary>The feedback survey of an event got its first submitted answer. Published once per
/// survey (two answers at the very same moment may publish it twice). No time and no respondent:
/// the survey may be anonymous. Events then no longer lets the organiser take back "marked held".</summary>
public sealed record EventFeedbackAnswered(
    Guid SurveyId,
    Guid EventId,
    Guid NetworkId) : IIntegrationEvent;
