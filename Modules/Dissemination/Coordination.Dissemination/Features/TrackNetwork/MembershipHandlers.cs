using Coordination.Dissemination.Data;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.TrackNetwork;

/// <summary>Dissemination's copy of the networks, the projects with their organisations (names on
/// the model cards) and who manages which project (who may edit its models).</summary>
internal sealed class MembershipHandlers(DisseminationDbContext db) :
    IIntegrationEventHandler<NetworkCreated>,
    IIntegrationEventHandler<ProjectJoinedNetwork>,
    IIntegrationEventHandler<ProjectUpdated>,
    IIntegrationEventHandler<ProjectDeleted>,
    IIntegrationEventHandler<PersonRegistered>,
    IIntegrationEventHandler<PersonUpdated>,
    IIntegrationEventHandler<PersonErased>
{
    public async Task HandleAsync(NetworkCreated e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (!await db.Networks.AnyAsync(n => n.NetworkId == e.NetworkId, cancellationToken))
        {
            db.Networks.Add(new KnownNetwork { NetworkId = e.NetworkId, NameFi = e.NameFi, NameSv = e.NameSv, NameEn = e.NameEn });
        }
    }

    public Task HandleAsync(ProjectJoinedNetwork e, IntegrationEventContext context, CancellationToken cancellationToken)
        => ProjectAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, e.Organisations, cancellationToken);

    public Task HandleAsync(ProjectUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => ProjectAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, e.Organisations, cancellationToken);

    /// <summary>A deleted project's models and posts stay published, as the network's own: they
    /// are public results, and a coordinator may give them another project. Its managers lose
    /// their say over them with Membership's PersonUpdated.</summary>
    public async Task HandleAsync(ProjectDeleted e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var project = (Guid?)e.ProjectId;
        await db.Models.Where(m => m.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(m => m.ProjectId, (Guid?)null), cancellationToken);
        await db.Posts.Where(p => p.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(p => p.ProjectId, (Guid?)null), cancellationToken);
        await db.Projects.Where(p => p.ProjectId == e.ProjectId).ExecuteDeleteAsync(cancellationToken);
    }

    public Task HandleAsync(PersonRegistered e, IntegrationEventContext context, CancellationToken cancellationToken)
        => PersonAsync(e.PersonId, e.Email, e.Roles, cancellationToken);

    public Task HandleAsync(PersonUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => PersonAsync(e.PersonId, e.Email, e.Roles, cancellationToken);

    public async Task HandleAsync(PersonErased e, IntegrationEventContext context, CancellationToken cancellationToken)
        => await db.People.Where(p => p.PersonId == e.PersonId).ExecuteDeleteAsync(cancellationToken);

    private async Task ProjectAsync(Guid projectId, Guid networkId, string name, string? acronym, IReadOnlyList<ProjectOrganisation> organisations, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.ProjectId == projectId, ct);
        if (project is null)
        {
            db.Projects.Add(project = new KnownProject { ProjectId = projectId });
        }

        project.NetworkId = networkId;
        project.Name = name;
        project.Acronym = acronym;
        project.Organisations = [.. organisations.Select(o => new KnownOrganisation(o.OrganisationId, o.Name, o.IsLead))];
    }

    private async Task PersonAsync(Guid personId, string email, IReadOnlyList<PersonRole> roles, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (person is null)
        {
            db.People.Add(person = new KnownPerson { PersonId = personId });
        }

        person.Email = email.Trim().ToLowerInvariant();
        person.ManagedProjects = [.. roles.Where(r => r.Role == "projectManager" && r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct()];
        person.Projects = [.. roles.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct()];
    }
}
