using Coordination.Shared.Jobs;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Mailing;

/// <summary>Every few minutes: invitations not yet sent (new ones, or of a survey that has just
/// opened) and the reminders that are due. Also run at once after invitations are made.</summary>
internal sealed class SendSurveyMailJob(SurveysDbContext db, SurveyMailer mailer, TimeProvider clock) : IRecurringJob
{
    public const string Id = "surveys-mail";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await mailer.SendInvitationsAsync(null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Surveys.AsNoTracking()
            .Where(s => s.PublishedAt != null && s.ClosedAt == null && s.OpensAt <= now && s.ClosesAt > now && s.RemindEveryDays != null)
            .ToListAsync(cancellationToken);
        foreach (var survey in open)
        {
            await mailer.RemindAsync(survey, onlyDue: true, cancellationToken);
        }
    }
}
