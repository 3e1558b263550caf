using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Features.TrackNetworks;

/// <summary>Keeps Monitoring's copy of the networks. The inbox makes a redelivery a no-op; the
/// existence check also covers a fact that arrived by another path.</summary>
internal sealed class NetworkCreatedHandler(MonitoringDbContext db) : IIntegrationEventHandler<NetworkCreated>
{
    public async Task HandleAsync(NetworkCreated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (!await db.Networks.AnyAsync(n => n.NetworkId == integrationEvent.NetworkId, cancellationToken))
        {
            db.Networks.Add(new NetworkFact { NetworkId = integrationEvent.NetworkId, NameFi = integrationEvent.NameFi, CreatedAt = integrationEvent.CreatedAt });
        }
    }
}
