using Coordination.Events.Data;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.Attendance;

/// <summary>Notes that the event's feedback survey has answers, which ends the organiser's
/// chance to take back "marked held" (the answers would lose their event). Idempotent.</summary>
internal sealed class FeedbackAnsweredHandler(EventsDbContext db) : IIntegrationEventHandler<EventFeedbackAnswered>
{
    public async Task HandleAsync(EventFeedbackAnswered integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == integrationEvent.EventId, cancellationToken);
        if (e is not null)
        {
            e.FeedbackAnsweredAt ??= context.OccurredAtUtc;
        }
    }
}
