using System.Runtime.CompilerServices;
using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Integration;

/// <summary>Events' current state for a module that subscribed late: every event as scheduled
/// (today's version), cancelled ones, and held ones with their attendees.</summary>
internal sealed class EventsRepublisher(EventsDbContext db) : IStateRepublisher
{
    public async IAsyncEnumerable<RepublishedEvent> StateAsync(IReadOnlySet<Type> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scheduled = wanted.Contains(typeof(EventScheduled));
        var cancelled = wanted.Contains(typeof(EventCancelled));
        var held = wanted.Contains(typeof(EventHeld));
        if (!scheduled && !cancelled && !held)
        {
            yield break;
        }

        var events = await db.Events.AsNoTracking().OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var e in events)
        {
            if (scheduled && e.Status != EventStatus.Cancelled)
            {
                yield return new(EventMessages.Scheduled(e, e.UpdatedAt), e.UpdatedAt);
            }

            if (cancelled && e.Status == EventStatus.Cancelled)
            {
                yield return new(new EventCancelled(e.Id, e.NetworkId, e.Sequence, e.UpdatedAt), e.UpdatedAt);
            }

            if (held && e.Status == EventStatus.Held && e.HeldAt is { } at)
            {
                yield return new(await EventMessages.HeldAsync(db, e, cancellationToken), at);
            }
        }
    }
}
