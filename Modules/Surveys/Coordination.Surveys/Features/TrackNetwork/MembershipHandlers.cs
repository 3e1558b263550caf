using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Features.TrackNetwork;

/// <summary>Surveys' copy of the networks, their projects and the directory's people with their
/// roles (the audiences of invitations). An erased person is removed here, and their name and
/// address are taken off their invitations and identified responses. A deleted project (a duplicate
/// import, typically) is forgotten and detached from invitations, responses and answers, so results
/// by project no longer show it; the answers themselves stay in the figures.</summary>
internal sealed class MembershipHandlers(SurveysDbContext db) :
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

    public async Task HandleAsync(ProjectDeleted e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var project = (Guid?)e.ProjectId;
        await db.Invitations.Where(i => i.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(i => i.ProjectId, (Guid?)null), cancellationToken);
        await db.Responses.Where(r => r.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(r => r.ProjectId, (Guid?)null), cancellationToken);
        await db.Answers.Where(a => a.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(a => a.ProjectId, (Guid?)null), cancellationToken);
        // Follow-up waves not yet sent are not asked; sent ones and their answers stay (the
        // method bank's follow-up line and Monitoring's figures come from them).
        await db.FollowUpWaves.Where(w => w.ProjectId == e.ProjectId && w.Status == FollowUpStatus.Planned).ExecuteDeleteAsync(cancellationToken);
        await db.Models.Where(m => m.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(m => m.ProjectId, (Guid?)null), cancellationToken);
        await db.Projects.Where(p => p.ProjectId == e.ProjectId).ExecuteDeleteAsync(cancellationToken);
    }

    public Task HandleAsync(PersonRegistered e, IntegrationEventContext context, CancellationToken cancellationToken)
        => PersonAsync(e.PersonId, e.Name, e.Email, e.Language, e.OrganisationId, e.Roles, cancellationToken);

    public Task HandleAsync(PersonUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => PersonAsync(e.PersonId, e.Name, e.Email, e.Language, e.OrganisationId, e.Roles, cancellationToken);

    public async Task HandleAsync(PersonErased e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == e.PersonId, cancellationToken);
        if (person is null)
        {
            return;
        }

        var email = person.Email;
        var erased = $"erased-{e.PersonId:N}@invalid";
        await db.Invitations.Where(i => i.Email == email).ExecuteUpdateAsync(u => u.SetProperty(i => i.Email, erased).SetProperty(i => i.Name, (string?)null), cancellationToken);
        await db.Responses.Where(r => r.Email == email).ExecuteUpdateAsync(u => u.SetProperty(r => r.Email, (string?)null).SetProperty(r => r.Name, (string?)null), cancellationToken);
        db.People.Remove(person);
    }

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

    private async Task PersonAsync(Guid personId, string name, string email, string language, Guid? organisationId, IReadOnlyList<PersonRole> roles, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (person is null)
        {
            db.People.Add(person = new KnownPerson { PersonId = personId });
        }

        person.Name = name;
        person.Email = email.ToLowerInvariant();
        person.Language = language;
        person.OrganisationId = organisationId;
        person.Roles = [.. roles.Select(r => new KnownRole(r.Role, r.ProjectId, r.NetworkId))];
    }
}
