using System.Runtime.CompilerServices;
using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Integration;

/// <summary>Events' current state for a module that subscribed late: every event as scheduled
/// (today's version), cancelled ones, held ones with their attendees, and each event's newest
/// approved minutes (earlier versions add nothing a reader keeps).</summary>
internal sealed class EventsRepublisher(EventsDbContext db) : IStateRepublisher
{
    public async IAsyncEnumerable<RepublishedEvent> StateAsync(IReadOnlySet<Type> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scheduled = wanted.Contains(typeof(EventScheduled));
        var cancelled = wanted.Contains(typeof(EventCancelled));
        var held = wanted.Contains(typeof(EventHeld));
        var minutes = wanted.Contains(typeof(MinutesApproved));
        if (!scheduled && !cancelled && !held && !minutes)
        {
            yield break;
        }

        // The newest approved version of each event's minutes, with all the event's numbered decisions.
        var approved = !minutes ? [] : (await db.Minutes.AsNoTracking().Where(m => m.ApprovedAt != null)
                .Select(m => new { m.EventId, m.Version, ApprovedAt = m.ApprovedAt!.Value }).ToListAsync(cancellationToken))
            .GroupBy(m => m.EventId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Version)!);
        var decisions = !minutes ? [] : await db.Decisions.AsNoTracking().Where(d => d.Number != null)
            .GroupBy(d => d.EventId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

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

            if (approved.TryGetValue(e.Id, out var m))
            {
                yield return new(new MinutesApproved(e.Id, e.NetworkId, Shared.Web.EnumText.Of(e.Type), e.StartsAt, m.Version, decisions.GetValueOrDefault(e.Id), m.ApprovedAt, e.ProjectId), m.ApprovedAt);
            }
        }
    }
}
