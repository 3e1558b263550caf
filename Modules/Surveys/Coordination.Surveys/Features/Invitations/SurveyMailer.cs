using System.Globalization;
using Coordination.Shared.Email;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Answering;
using Coordination.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Coordination.Surveys.Features.Invitations;

/// <summary>Sends invitations and reminders with the personal link, in the invitee's language.
/// Each mail is first claimed by a conditional update (sent / reminded today) that is committed
/// before sending, so two runs at once or a run after a restart never send the same mail twice;
/// a failed send releases the claim for the next run.</summary>
internal sealed class SurveyMailer(
    SurveysDbContext db,
    IEmailSender email,
    InvitationTokens tokens,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<SurveysStrings> l,
    ILogger<SurveyMailer> logger)
{
    /// <summary>Sends the unsent invitations of open surveys (of one survey, or all).</summary>
    public async Task<int> SendInvitationsAsync(Guid? surveyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Invitations.AsNoTracking()
            .Where(i => i.SentAt == null && (surveyId == null || i.SurveyId == surveyId))
            .Join(db.Surveys.Where(s => s.ClosedAt == null && s.OpensAt <= now && s.ClosesAt > now), i => i.SurveyId, s => s.Id, (i, s) => i)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var group in due.GroupBy(i => i.SurveyId))
        {
            var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == group.Key, ct);
            foreach (var invitation in group)
            {
                if (await db.Invitations.Where(i => i.Id == invitation.Id && i.SentAt == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.SentAt, now), ct) == 0)
                {
                    continue;
                }

                if (await TrySendAsync(Message(survey, invitation, reminder: false), ct))
                {
                    sent++;
                }
                else
                {
                    await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.SentAt, (DateTime?)null), CancellationToken.None);
                }
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
            var claimed = await db.Invitations
                .Where(i => i.Id == invitation.Id && !i.Responded && i.LastRemindedOn == previous)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastRemindedOn, today).SetProperty(i => i.Reminders, i => i.Reminders + 1), ct);
            if (claimed == 0)
            {
                continue;
            }

            if (await TrySendAsync(Message(survey, invitation, reminder: true), ct))
            {
                reminded++;
            }
            else
            {
                await db.Invitations.Where(i => i.Id == invitation.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastRemindedOn, previous).SetProperty(i => i.Reminders, i => i.Reminders - 1), CancellationToken.None);
            }
        }

        return reminded;
    }

    private async Task<bool> TrySendAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            await email.SendAsync(message, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A survey mail could not be sent; it is tried again on the next run");
            return false;
        }
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
