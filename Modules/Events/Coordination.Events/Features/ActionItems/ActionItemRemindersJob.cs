using System.Globalization;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.ActionItems;

/// <summary>Hourly: reminds each person of an open action item due within a week (Helsinki
/// dates), once. As with event reminders, the item is marked by a conditional update and its
/// message queued in the same transaction: a mark is a reminder queued, also across restarts and
/// with two runs at once (the mail queue retries what the server refuses).</summary>
internal sealed class ActionItemRemindersJob(
    EventsDbContext db,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<EventsStrings> l) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = HelsinkiTime.Today(clock);
        var weekAhead = today.AddDays(7);
        var due = await (from i in db.ActionItems.AsNoTracking()
                         join p in db.People.AsNoTracking() on i.PersonId equals p.PersonId
                         join e in db.Events.AsNoTracking() on i.EventId equals e.Id
                         where i.Status == ActionItemStatus.Open && i.ReminderSentAt == null && i.Due >= today && i.Due <= weekAhead
                         select new { Item = i, Person = p, e.Title }).ToListAsync(cancellationToken);
        var baseUrl = PublicUrl.Base(configuration);
        foreach (var row in due)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.ActionItems.Where(i => i.Id == row.Item.Id && i.ReminderSentAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReminderSentAt, now), cancellationToken) == 0)
            {
                continue;
            }

            db.QueueMail(Message(row.Item, row.Person, row.Title, baseUrl), $"events:action-item-reminder:{row.Item.Id:N}", now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private EmailMessage Message(ActionItem item, KnownPerson person, LocalizedText eventTitle, string baseUrl)
    {
        using var culture = new CultureScope(person.Language);
        var link = baseUrl.Length > 0 ? $"{baseUrl}/events/action-items" : "";
        var due = item.Due.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        return new EmailMessage(
            person.Email,
            person.Name,
            string.Format(CultureInfo.CurrentCulture, l["ActionReminderSubject"], due),
            string.Format(CultureInfo.CurrentCulture, l["ActionReminderBody"], person.Name, item.What, due, eventTitle.InCurrentCulture().Text, link));
    }
}
