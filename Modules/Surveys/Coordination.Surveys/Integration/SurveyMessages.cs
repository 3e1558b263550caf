using Coordination.Surveys.Contracts;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Results;
using Coordination.Surveys.Analysis;

namespace Coordination.Surveys.Integration;

/// <summary>What <see cref="SurveyClosed"/> carries, for closing and for the republisher.</summary>
internal static class SurveyMessages
{
    public static async Task<SurveyClosed> ClosedAsync(SurveyResultsCalculator results, Survey survey, DateTime closedAt, CancellationToken ct)
    {
        var summary = await results.ComputeAsync(survey, ct, withGroups: false);
        return new SurveyClosed(
            survey.Id, survey.NetworkId, survey.Title.Fi, survey.Template, survey.EventId, survey.Anonymous, summary.Invited, summary.Responses, survey.OpensAt, closedAt,
            [.. summary.Questions.Select((q, i) => new SurveyQuestionSummary(q.Key, q.Type, survey.Questions[i].Text.Fi, q.N, q.Mean, q.Sd, q.CantSay, q.Distribution ?? [], survey.Questions[i].Text.Sv))],
            survey.Title.Sv);
    }
}
