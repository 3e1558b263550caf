using System.Globalization;
using System.Text;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.Reminders;

/// <summary>Hourly: reminds everyone registered for tomorrow's events (Helsinki dates), with the
/// online link. Each registration is marked by a conditional update and its reminder queued in
/// the same transaction, so of two runs at once only one reminds, and a reminder marked is a
/// reminder sent, also across restarts (the mail queue retries what the server refuses).</summary>
internal sealed class SendRemindersJob(
    EventsDbContext db,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<EventsStrings> l) : IRecurringJob
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
                var now = clock.GetUtcNow().UtcDateTime;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (await db.Registrations.Where(r => r.Id == registration.Id && r.ReminderSentAt == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReminderSentAt, now), cancellationToken) == 0)
                {
                    continue;
                }

                db.QueueMail(Message(e, registration, baseUrl), $"events:reminder:{registration.Id:N}:{registration.CreatedAt.Ticks}", now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
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
