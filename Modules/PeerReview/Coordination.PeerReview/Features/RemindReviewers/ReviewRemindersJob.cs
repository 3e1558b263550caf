using System.Globalization;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.RemindReviewers;

/// <summary>Hourly: reminds reviewers whose review is not submitted, a week and a day before the
/// round closes. Each reminder is marked by a conditional update and queued in the same
/// transaction, so it goes once even if two runs overlap, and the mail queue retries what the
/// server refuses.</summary>
internal sealed class ReviewRemindersJob(PeerReviewDbContext db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<PeerReviewStrings> l) : IRecurringJob
{
    public const string Id = "review-reminders";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.ClosesAt != null && r.ClosesAt > now && r.ClosesAt <= now.AddDays(7)).ToListAsync(cancellationToken);
        foreach (var round in rounds)
        {
            var lastDay = round.ClosesAt <= now.AddDays(1);
            var due = await (from a in db.Assignments.AsNoTracking()
                             where a.RoundId == round.Id && (lastDay ? a.DayReminderAt == null : a.WeekReminderAt == null)
                             where !db.Reviews.Any(r => r.Id == a.Id && r.Status == ReviewStatus.Submitted)
                             join v in db.Reviewers.AsNoTracking() on a.ReviewerId equals v.Id
                             join s in db.Submissions.AsNoTracking() on a.SubmissionId equals s.Id
                             select new { a.Id, v.Email, v.Name, v.Language, s.Title }).ToListAsync(cancellationToken);
            foreach (var item in due)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var claimed = lastDay
                    ? await db.Assignments.Where(a => a.Id == item.Id && a.DayReminderAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.DayReminderAt, now).SetProperty(a => a.WeekReminderAt, a => a.WeekReminderAt ?? now), cancellationToken)
                    : await db.Assignments.Where(a => a.Id == item.Id && a.WeekReminderAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.WeekReminderAt, now), cancellationToken);
                if (claimed == 0)
                {
                    continue;
                }

                using (new CultureScope(item.Language))
                {
                    db.QueueMail(
                        new EmailMessage(item.Email, item.Name, string.Format(CultureInfo.CurrentCulture, l["ReminderSubject"], round.Name),
                            string.Format(CultureInfo.CurrentCulture, l["ReminderBody"], item.Name, item.Title.InCurrentCulture().Text, HelsinkiTime.FormatDateTime(round.ClosesAt!.Value), $"{PublicUrl.Base(configuration)}/peer-review/assignments/{item.Id}")),
                        $"peerreview:reminder:{item.Id:N}:{(lastDay ? "day" : "week")}", now);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }
}
