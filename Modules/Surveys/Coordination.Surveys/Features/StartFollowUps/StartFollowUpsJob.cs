using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Surveys.Data;
using Coordination.Surveys.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Features.StartFollowUps;

/// <summary>Daily: starts each planned follow-up wave whose day has come (once: see
/// <see cref="FollowUpStarter"/>), and reminds, once, those whose organisation has not answered
/// two weeks after their link. What is due lives in FollowUpWaves; a missed run is made up by
/// the next one. A wave of a model taken back to draft waits.</summary>
internal sealed class StartFollowUpsJob(SurveysDbContext db, FollowUpStarter starter, TimeProvider clock) : IRecurringJob
{
    public const string Id = "followups";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = HelsinkiTime.Today(clock);
        var due = await db.FollowUpWaves.AsNoTracking()
            .Where(w => w.Status == FollowUpStatus.Planned && w.DueOn <= today && db.Models.Any(m => m.ModelId == w.ModelId && m.Published))
            .OrderBy(w => w.DueOn).Select(w => w.Id).ToListAsync(cancellationToken);
        foreach (var wave in due)
        {
            await starter.StartAsync(wave, cancellationToken);
        }

        await starter.RemindAsync(cancellationToken);
    }
}
