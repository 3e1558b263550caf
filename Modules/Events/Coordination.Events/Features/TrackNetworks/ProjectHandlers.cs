using Coordination.Events.Data;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.TrackNetworks;

/// <summary>Keeps Events' copy of the networks' projects, so an event can belong to a project
/// (whose steering group then sees a steering-group event). A deleted project leaves its events
/// with the network alone.</summary>
internal sealed class ProjectHandlers(EventsDbContext db) :
    IIntegrationEventHandler<ProjectJoinedNetwork>,
    IIntegrationEventHandler<ProjectUpdated>,
    IIntegrationEventHandler<ProjectDeleted>
{
    public Task HandleAsync(ProjectJoinedNetwork e, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, cancellationToken);

    public Task HandleAsync(ProjectUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, cancellationToken);

    public async Task HandleAsync(ProjectDeleted e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await db.Events.Where(x => x.ProjectId == e.ProjectId).ExecuteUpdateAsync(u => u.SetProperty(x => x.ProjectId, (Guid?)null), cancellationToken);
        await db.Projects.Where(p => p.ProjectId == e.ProjectId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task RememberAsync(Guid projectId, Guid networkId, string name, string? acronym, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.ProjectId == projectId, ct);
        if (project is null)
        {
            db.Projects.Add(project = new KnownProject { ProjectId = projectId });
        }

        project.NetworkId = networkId;
        project.Name = name;
        project.Acronym = acronym;
    }
}
