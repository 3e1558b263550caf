using Coordination.Events.Data;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.TrackNetworks;

/// <summary>Keeps Events' copy of the networks, so an event can name and check its network.</summary>
internal sealed class NetworkCreatedHandler(EventsDbContext db) : IIntegrationEventHandler<NetworkCreated>
{
    public async Task HandleAsync(NetworkCreated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (!await db.Networks.AnyAsync(n => n.NetworkId == integrationEvent.NetworkId, cancellationToken))
        {
            db.Networks.Add(integrationEvent.Adapt<KnownNetwork>(EventsMappings.Config));
        }
    }
}
