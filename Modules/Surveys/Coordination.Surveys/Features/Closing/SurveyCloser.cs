using Coordination.Shared.Jobs;
using Coordination.Surveys.Contracts;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Results;
using Microsoft.EntityFrameworkCore;
using Coordination.Surveys.Analysis;

namespace Coordination.Surveys.Features.Closing;

/// <summary>Closes a survey once: a conditional update claims it (ClosedAt still empty) and
/// SurveyClosed with the summary is published in the same transaction, so the job and a
/// coordinator closing at the same moment publish it once.</summary>
internal sealed class SurveyCloser(SurveysDbContext db, SurveyResultsCalculator results, TimeProvider clock)
{
    /// <summary>Closes now (a coordinator): the window ends now if it was to end later.</summary>
    public async Task<bool?> CloseNowAsync(Guid id, string? userId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }

        var closed = await CloseAsync(survey, ct);
        if (closed)
        {
            db.Audit(userId, "CloseSurvey", nameof(Survey), id.ToString(), survey.Title.Fi, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        return closed;
    }

    public async Task<bool> CloseAsync(Survey survey, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closesAt = survey.ClosesAt < now ? survey.ClosesAt : now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Surveys.Where(s => s.Id == survey.Id && s.ClosedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClosedAt, now).SetProperty(s => s.ClosesAt, closesAt), ct);
        if (claimed == 0)
        {
            return false;
        }

        db.Publish(await Integration.SurveyMessages.ClosedAsync(results, survey, now, ct), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
