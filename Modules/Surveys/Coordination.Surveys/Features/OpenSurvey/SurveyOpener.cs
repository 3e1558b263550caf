using Coordination.Surveys.Mailing;
using Coordination.Shared.Jobs;
using Coordination.Shared.Modules;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Invitations;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Features.OpenSurvey;

/// <summary>What opening did: Closed (too late, nothing changed), Opened (this call opened or
/// scheduled it; false when it already was), the state now, and the invitations that leave.</summary>
internal sealed record OpenOutcome(bool Closed, bool Opened, SurveyState State, DateTime OpensAt, int InvitationsToSend);

/// <summary>Takes a draft out of draft: open now (the window starts now if it was to start
/// later) or, with <c>scheduled</c>, at its own opening time. A conditional update claims the draft,
/// so two coordinators opening at once open it once; the invitations then leave through the mail
/// job, which marks each one sent, so none leaves twice.</summary>
internal sealed class SurveyOpener(SurveysDbContext db, TimeProvider clock, IBackgroundJobClient jobs, ModuleCatalog catalog)
{
    public async Task<OpenOutcome?> OpenAsync(Guid id, bool scheduled, string? userId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var unsent = await db.Invitations.CountAsync(i => i.SurveyId == id && i.SentAt == null, ct);
        var state = survey.StateAt(now);
        if (state != SurveyState.Draft)
        {
            return new OpenOutcome(state == SurveyState.Closed, false, state, survey.OpensAt, state == SurveyState.Closed ? 0 : unsent);
        }

        var opensAt = scheduled || survey.OpensAt <= now ? survey.OpensAt : now;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Surveys.Where(s => s.Id == id && s.PublishedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PublishedAt, now).SetProperty(s => s.OpensAt, opensAt), ct);
            if (claimed == 0)
            {
                return new OpenOutcome(false, false, SurveyState.Open, opensAt, unsent);
            }

            db.Audit(userId, opensAt > now ? "ScheduleSurvey" : "OpenSurvey", nameof(Survey), id.ToString(), survey.Title.Fi, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        if (opensAt <= now && unsent > 0)
        {
            jobs.RunNow<SendSurveyMailJob>(catalog);
        }

        return new OpenOutcome(false, true, opensAt > now ? SurveyState.Scheduled : SurveyState.Open, opensAt, unsent);
    }
}
