using System.Globalization;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.Reviewing;

/// <summary>Hourly: reminds reviewers whose review is not submitted, a week and a day before the
/// round closes. Each reminder is claimed by a conditional update before it is sent, so it goes
/// once even if two runs overlap; a failed send clears the claim for the next run.</summary>
internal sealed class ReviewRemindersJob(PeerReviewDbContext db, TimeProvider clock, IEmailSender email, IConfiguration configuration, IStringLocalizer<PeerReviewStrings> l) : IRecurringJob
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
                var claimed = lastDay
                    ? await db.Assignments.Where(a => a.Id == item.Id && a.DayReminderAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.DayReminderAt, now).SetProperty(a => a.WeekReminderAt, a => a.WeekReminderAt ?? now), cancellationToken)
                    : await db.Assignments.Where(a => a.Id == item.Id && a.WeekReminderAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.WeekReminderAt, now), cancellationToken);
                if (claimed == 0)
                {
                    continue;
                }

                EmailMessage message;
                using (new CultureScope(item.Language))
                {
                    message = new EmailMessage(item.Email, item.Name, string.Format(CultureInfo.CurrentCulture, l["ReminderSubject"], round.Name),
                        string.Format(CultureInfo.CurrentCulture, l["ReminderBody"], item.Name, item.Title.InCurrentCulture().Text, HelsinkiTime.FormatDateTime(round.ClosesAt!.Value), $"{PublicUrl.Base(configuration)}/peer-review/assignments/{item.Id}"));
                }

                try
                {
                    await email.SendAsync(message, cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    await (lastDay
                        ? db.Assignments.Where(a => a.Id == item.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.DayReminderAt, (DateTime?)null), CancellationToken.None)
                        : db.Assignments.Where(a => a.Id == item.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.WeekReminderAt, (DateTime?)null), CancellationToken.None));
                    throw;
                }
            }
        }
    }
}
