using System.Globalization;
using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.SaveEvent;

/// <summary>Tells everyone registered or waiting that an event was cancelled: Events subscribes
/// to its own <see cref="EventCancelled"/>, so the notices are queued after the cancellation has
/// committed, together with the inbox record (once, also if the event is delivered again), and
/// the cancelling request does not grow with the registrants.</summary>
internal sealed class CancellationNotices(EventsDbContext db, IStringLocalizer<EventsStrings> l) : IIntegrationEventHandler<EventCancelled>
{
    public async Task HandleAsync(EventCancelled integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == integrationEvent.EventId, cancellationToken);
        if (e is null)
        {
            return;
        }

        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled)
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            using var culture = new CultureScope(person.Language);
            var title = e.Title.InCurrentCulture().Text;
            db.QueueMail(
                new EmailMessage(person.Email, person.Name, string.Format(CultureInfo.CurrentCulture, l["CancelledMailSubject"], title),
                    string.Format(CultureInfo.CurrentCulture, l["CancelledMailBody"], person.Name, title, HelsinkiTime.FormatDateTime(e.StartsAt))),
                $"events:cancelled:{e.Id:N}:{integrationEvent.Sequence}:{person.Id:N}",
                integrationEvent.CancelledAt);
        }
    }
}
