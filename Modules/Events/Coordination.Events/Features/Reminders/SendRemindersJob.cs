using System.Globalization;
using System.Text;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Coordination.Events.Features.Reminders;

/// <summary>Hourly: reminds everyone registered for tomorrow's events (Helsinki dates), with the
/// online link. Each registration is marked before its mail is sent and the mark is committed
/// first, so no one gets the same reminder twice, also across restarts; a failed send clears the
/// mark for the next run.</summary>
internal sealed class SendRemindersJob(
    EventsDbContext db,
    IEmailSender email,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<EventsStrings> l,
    ILogger<SendRemindersJob> logger) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tomorrow = HelsinkiTime.Today(clock).AddDays(1);
        var from = TimeZoneInfo.ConvertTimeToUtc(tomorrow.ToDateTime(TimeOnly.MinValue), HelsinkiTime.Zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(tomorrow.AddDays(1).ToDateTime(TimeOnly.MinValue), HelsinkiTime.Zone);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Scheduled && e.StartsAt >= from && e.StartsAt < to)
            .ToListAsync(cancellationToken);
        var baseUrl = PublicUrl.Base(configuration);
        foreach (var e in events)
        {
            var due = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered && r.ReminderSentAt == null)
                .ToListAsync(cancellationToken);
            foreach (var registration in due)
            {
                // A conditional mark: of two runs at once, only one finds the reminder unsent.
                if (await db.Registrations.Where(r => r.Id == registration.Id && r.ReminderSentAt == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReminderSentAt, clock.GetUtcNow().UtcDateTime), cancellationToken) == 0)
                {
                    continue;
                }

                try
                {
                    await email.SendAsync(Message(e, registration, baseUrl), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "A reminder for event {EventId} could not be sent; it is tried again next run", e.Id);
                    await db.Registrations.Where(r => r.Id == registration.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReminderSentAt, (DateTime?)null), CancellationToken.None);
                }
            }
        }
    }

    private EmailMessage Message(Event e, Registration r, string baseUrl)
    {
        using var culture = new CultureScope(r.Language);
        var title = e.Title.InCurrentCulture().Text;
        var details = Mail.EventDetails.Lines(e, withOnlineLink: true, l);

        if (baseUrl.Length > 0)
        {
            details.AppendLine(CultureInfo.CurrentCulture, $"{baseUrl}/events/{e.Id}");
        }

        return new EmailMessage(r.Email, r.Name, string.Format(CultureInfo.CurrentCulture, l["ReminderMailSubject"], title), string.Format(CultureInfo.CurrentCulture, l["ReminderMailBody"], r.Name, title, details));
    }
}
