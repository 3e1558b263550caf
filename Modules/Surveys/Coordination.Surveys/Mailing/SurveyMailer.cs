using System.Globalization;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Answering;
using Coordination.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Mailing;

/// <summary>Sends invitations and reminders with the personal link, in the invitee's language.
/// Each mail is marked by a conditional update (sent / reminded today) and queued in the same
/// transaction, so two runs at once or a run after a restart never send the same mail twice, and
/// the mail queue retries what the server refuses.</summary>
internal sealed class SurveyMailer(
    SurveysDbContext db,
    InvitationTokens tokens,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SurveysStrings> l)
{
    /// <summary>Sends the unsent invitations of open surveys (of one survey, or all); a draft's wait until it is opened.</summary>
    public async Task<int> SendInvitationsAsync(Guid? surveyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Invitations.AsNoTracking()
            .Where(i => i.SentAt == null && (surveyId == null || i.SurveyId == surveyId))
            .Join(db.Surveys.Where(s => s.PublishedAt != null && s.ClosedAt == null && s.OpensAt <= now && s.ClosesAt > now), i => i.SurveyId, s => s.Id, (i, s) => i)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var group in due.GroupBy(i => i.SurveyId))
        {
            var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == group.Key, ct);
            foreach (var invitation in group)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await db.Invitations.Where(i => i.Id == invitation.Id && i.SentAt == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.SentAt, now), ct) == 0)
                {
                    continue;
                }

                db.QueueMail(Message(survey, invitation, reminder: false), $"surveys:invitation:{invitation.Id:N}", now);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Reminds those of an open survey who have been invited but not answered, never
    /// twice the same (Helsinki) day. <paramref name="onlyDue"/>: only when the survey's own
    /// interval since the invitation or last reminder has passed (the job); otherwise everyone
    /// not yet reminded today (the coordinator's button).</summary>
    public async Task<int> RemindAsync(Survey survey, bool onlyDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (survey.StateAt(now) != SurveyState.Open || (onlyDue && survey.RemindEveryDays is null))
        {
            return 0;
        }

        var today = HelsinkiTime.Today(clock);
        var candidates = await db.Invitations.AsNoTracking()
            .Where(i => i.SurveyId == survey.Id && !i.Responded && i.SentAt != null && (i.LastRemindedOn == null || i.LastRemindedOn < today))
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var invitation in candidates)
        {
            var last = invitation.LastRemindedOn ?? DateOnly.FromDateTime(HelsinkiTime.ToLocal(invitation.SentAt!.Value));
            if (onlyDue && last.AddDays(survey.RemindEveryDays!.Value) > today)
            {
                continue;
            }

            var previous = invitation.LastRemindedOn;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Invitations
                .Where(i => i.Id == invitation.Id && !i.Responded && i.LastRemindedOn == previous)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastRemindedOn, today).SetProperty(i => i.Reminders, i => i.Reminders + 1), ct);
            if (claimed == 0)
            {
                continue;
            }

            db.QueueMail(Message(survey, invitation, reminder: true), $"surveys:reminder:{invitation.Id:N}:{invitation.Reminders + 1}", now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            reminded++;
        }

        return reminded;
    }

    private EmailMessage Message(Survey survey, Invitation invitation, bool reminder)
    {
        using var culture = new CultureScope(invitation.Language);
        var title = survey.Title.InCurrentCulture().Text;
        var link = $"{PublicUrl.Base(configuration)}/s/{tokens.For(invitation.Id)}";
        var closes = HelsinkiTime.FormatDateTime(survey.ClosesAt);
        var intro = survey.Intro.InCurrentCulture().Text;
        var privacy = survey.Anonymous ? l["MailAnonymous"].Value : l["MailIdentified"].Value;
        var greeting = string.IsNullOrWhiteSpace(invitation.Name) ? l["MailGreeting"].Value : string.Format(CultureInfo.CurrentCulture, l["MailGreetingName"], invitation.Name);
        var subject = string.Format(CultureInfo.CurrentCulture, l[reminder ? "ReminderMailSubject" : "InvitationMailSubject"], title);
        var body = string.Format(CultureInfo.CurrentCulture, l[reminder ? "ReminderMailBody" : "InvitationMailBody"], greeting, title, intro, link, closes, privacy);
        return new EmailMessage(invitation.Email, invitation.Name, subject, body);
    }
}
