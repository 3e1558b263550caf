using System.Globalization;
using Coordination.Shared.Jobs;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Coordination.Surveys.Features.Retention;

/// <summary>How long Surveys keeps what: a survey's invitations — the addresses, and with them
/// every personal link — are deleted <see cref="InvitationsDays"/> days after the survey closed.
/// The answers stay (an identified survey's answers carry the respondent until they are erased).</summary>
internal static class SurveysRetention
{
    public const string InvitationsDaysKey = "Coordination:Retention:SurveyInvitationsDays";

    public static int InvitationsDays(IConfiguration configuration) => Math.Max(1, configuration.GetValue(InvitationsDaysKey, 90));
}

/// <summary>The daily retention run of Surveys; every run is audited with its count.</summary>
internal sealed class RetentionJob(SurveysDbContext db, IConfiguration configuration, TimeProvider clock) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = SurveysRetention.InvitationsDays(configuration);
        var before = now.AddDays(-days);
        var closed = db.Surveys.Where(s => (s.ClosedAt ?? s.ClosesAt) < before).Select(s => s.Id);
        var deleted = await db.Invitations.Where(i => closed.Contains(i.SurveyId)).ExecuteDeleteAsync(cancellationToken);
        db.Audit(null, "Retention", nameof(Invitation), "-", string.Create(CultureInfo.InvariantCulture, $"{deleted} deleted (surveys closed before {before:yyyy-MM-dd}, {days} days)"), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
