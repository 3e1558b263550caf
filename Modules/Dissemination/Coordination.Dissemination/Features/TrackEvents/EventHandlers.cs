using Coordination.Dissemination.Data;
using Coordination.Events.Contracts;
using Coordination.Shared.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.TrackEvents;

/// <summary>Dissemination's copy of the events (the newsletter's upcoming public events). A
/// message older than what is kept (lower Sequence) changes nothing.</summary>
internal sealed class EventHandlers(DisseminationDbContext db) :
    IIntegrationEventHandler<EventScheduled>,
    IIntegrationEventHandler<EventCancelled>
{
    public async Task HandleAsync(EventScheduled e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var known = await db.Events.SingleOrDefaultAsync(x => x.EventId == e.EventId, cancellationToken);
        if (known is null)
        {
            db.Events.Add(known = new KnownEvent { EventId = e.EventId, Sequence = -1 });
        }

        if (known.Cancelled || e.Sequence < known.Sequence)
        {
            return;
        }

        known.NetworkId = e.NetworkId;
        known.Type = e.Type;
        known.IsPublic = e.Audience == "public";
        known.Title = LocalizedText.Create(e.TitleFi, e.TitleSv, e.TitleEn);
        known.StartsAt = e.StartsAt;
        known.EndsAt = e.EndsAt;
        known.Place = e.Place;
        known.Online = e.Online;
        known.Sequence = e.Sequence;
    }

    public async Task HandleAsync(EventCancelled e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var known = await db.Events.SingleOrDefaultAsync(x => x.EventId == e.EventId, cancellationToken);
        if (known is null)
        {
            db.Events.Add(known = new KnownEvent { EventId = e.EventId, NetworkId = e.NetworkId });
        }

        known.Cancelled = true;
        known.Sequence = Math.Max(known.Sequence, e.Sequence);
    }
}
