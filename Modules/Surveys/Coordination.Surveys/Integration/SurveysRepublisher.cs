using System.Runtime.CompilerServices;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Results;
using Microsoft.EntityFrameworkCore;
using Coordination.Surveys.Analysis;

namespace Coordination.Surveys.Integration;

/// <summary>Surveys' current state for a module that subscribed late: every closed survey with
/// its summary, as it was published when it closed, and each answered follow-up wave's state.</summary>
internal sealed class SurveysRepublisher(SurveysDbContext db, SurveyResultsCalculator results) : IStateRepublisher
{
    public async IAsyncEnumerable<RepublishedEvent> StateAsync(IReadOnlySet<Type> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (wanted.Contains(typeof(ModelFollowedUp)))
        {
            var answered = await db.FollowUpWaves.AsNoTracking().Where(w => db.FollowUpAnswers.Any(a => a.WaveId == w.Id)).OrderBy(w => w.SentAt).ToListAsync(cancellationToken);
            foreach (var wave in answered)
            {
                if (await FollowUps.FollowUpResults.ForAsync(db, wave, DateTime.UtcNow, cancellationToken) is { } state)
                {
                    yield return new(state with { OccurredAt = state.AnsweredAt }, state.AnsweredAt);
                }
            }
        }

        if (!wanted.Contains(typeof(SurveyClosed)))
        {
            yield break;
        }

        var closed = await db.Surveys.AsNoTracking().Where(s => s.ClosedAt != null).OrderBy(s => s.ClosedAt).ToListAsync(cancellationToken);
        foreach (var survey in closed)
        {
            yield return new(await SurveyMessages.ClosedAsync(results, survey, survey.ClosedAt!.Value, cancellationToken), survey.ClosedAt.Value);
        }
    }
}
