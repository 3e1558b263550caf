using Coordination.Events.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Features.TrackHealth;

/// <summary>Keeps which events have approved minutes, for the health check's "meetings that leave
/// minutes". One row per event: a newer version replaces the older one, an older or repeated one
/// (a late redelivery, a republish) changes nothing.</summary>
internal sealed class MinutesHandler(MonitoringDbContext db) : IIntegrationEventHandler<MinutesApproved>
{
    public async Task HandleAsync(MinutesApproved e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var fact = await db.Minutes.SingleOrDefaultAsync(m => m.EventId == e.EventId, cancellationToken);
        if (fact is null)
        {
            fact = new MinutesFact { EventId = e.EventId };
            db.Minutes.Add(fact);
        }
        else if (e.Version < fact.Version)
        {
            return;
        }

        fact.NetworkId = e.NetworkId;
        fact.ProjectId = e.ProjectId;
        fact.Version = e.Version;
        fact.ApprovedAt = e.OccurredAt;
    }
}
