using Coordination.Shared.Messaging;

namespace Coordination.Surveys.Contracts;

/// <summary>The summary of one question when its survey closed. Type is likert, single, multi,
/// text or number. N and Mean leave "can't say" out (counted in CantSay); Distribution counts
/// the answers per scale point or option number ("1"…); Mean and Sd are null where they mean
/// nothing (choices, open text, no answers).</summary>
public sealed record SurveyQuestionSummary(
    string Key,
    string Type,
    string TextFi,
    int N,
    double? Mean,
    double? Sd,
    int CantSay,
    IReadOnlyDictionary<string, int> Distribution,
    string? TextSv = null);

/// <summary>A survey's response window closed (by itself or by a coordinator). Template is
/// networkFeedback, goalEvaluation, eventFeedback, networkHealth or null; EventId is set for an
/// event's feedback. Monitoring keeps the results as indicators; Dissemination shows highlights in the
/// newsletter (TitleSv and TextSv when the survey has Swedish texts).</summary>
public sealed record SurveyClosed(
    Guid SurveyId,
    Guid NetworkId,
    string TitleFi,
    string? Template,
    Guid? EventId,
    bool Anonymous,
    int Invited,
    int Responses,
    DateTime OpensAt,
    DateTime ClosedAt,
    IReadOnlyList<SurveyQuestionSummary> Questions,
    string? TitleSv = null) : IIntegrationEvent;
