using Coordination.Shared.Jobs;
using Coordination.Surveys.Contracts;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Features.Closing;

/// <summary>Every few minutes: surveys whose window has ended are closed and SurveyClosed is published.</summary>
internal sealed class CloseSurveysJob(SurveysDbContext db, SurveyCloser closer, TimeProvider clock) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Surveys.AsNoTracking().Where(s => s.PublishedAt != null && s.ClosedAt == null && s.ClosesAt <= now).ToListAsync(cancellationToken);
        foreach (var survey in due)
        {
            await closer.CloseAsync(survey, cancellationToken);
        }
    }
}
