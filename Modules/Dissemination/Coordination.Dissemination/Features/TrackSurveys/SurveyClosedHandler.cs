using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.TrackSurveys;

/// <summary>Keeps a closed survey's headline figures for the newsletter's survey highlights: the
/// three Likert statements with the highest means. Surveys with fewer answers than
/// <see cref="MinimumResponses"/> are not kept (too few to publish).</summary>
internal sealed class SurveyClosedHandler(DisseminationDbContext db) : IIntegrationEventHandler<SurveyClosed>
{
    public const int MinimumResponses = 5;

    public async Task HandleAsync(SurveyClosed e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (e.Responses < MinimumResponses || await db.SurveyHighlights.AnyAsync(s => s.SurveyId == e.SurveyId, cancellationToken))
        {
            return;
        }

        db.SurveyHighlights.Add(new SurveyHighlight
        {
            SurveyId = e.SurveyId,
            NetworkId = e.NetworkId,
            Title = LocalizedText.Create(e.TitleFi, e.TitleSv, null),
            Invited = e.Invited,
            Responses = e.Responses,
            ClosedAt = e.ClosedAt,
            Statements = [.. e.Questions
                .Where(q => q.Type == "likert" && q.Mean is not null && q.N >= MinimumResponses)
                .OrderByDescending(q => q.Mean).ThenBy(q => q.Key, StringComparer.Ordinal)
                .Take(3)
                .Select(q => new HighlightStatement(q.TextFi, q.TextSv, Math.Round(q.Mean!.Value, 1, MidpointRounding.AwayFromZero), q.N))],
        });
    }
}
