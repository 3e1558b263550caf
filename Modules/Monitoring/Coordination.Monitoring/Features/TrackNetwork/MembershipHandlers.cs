using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Shared.Messaging;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Features.TrackNetwork;

/// <summary>Keeps Monitoring's copy of networks, projects with their organisations, and people
/// with their roles. Project and person events carry the full state; the newest one wins, so a
/// republished state and a late redelivery land the same way.</summary>
internal sealed class MembershipHandlers(MonitoringDbContext db) :
    IIntegrationEventHandler<NetworkCreated>,
    IIntegrationEventHandler<ProjectJoinedNetwork>,
    IIntegrationEventHandler<ProjectUpdated>,
    IIntegrationEventHandler<ProjectEnded>,
    IIntegrationEventHandler<ProjectDeleted>,
    IIntegrationEventHandler<PersonRegistered>,
    IIntegrationEventHandler<PersonUpdated>,
    IIntegrationEventHandler<PersonErased>
{
    public async Task HandleAsync(NetworkCreated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.NetworkId == integrationEvent.NetworkId, cancellationToken);
        if (network is null)
        {
            db.Networks.Add(integrationEvent.Adapt<NetworkFact>(MonitoringMappings.Config));
        }
    }

    public Task HandleAsync(ProjectJoinedNetwork e, IntegrationEventContext context, CancellationToken cancellationToken)
        => KeepProjectAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, e.StartDate, e.EndDate, e.Organisations, e.OccurredAt, joined: true, cancellationToken);

    public Task HandleAsync(ProjectUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => KeepProjectAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, e.StartDate, e.EndDate, e.Organisations, e.OccurredAt, joined: false, cancellationToken);

    public async Task HandleAsync(ProjectEnded integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.ProjectId == integrationEvent.ProjectId, cancellationToken);
        if (project is null)
        {
            project = new ProjectFact { ProjectId = integrationEvent.ProjectId, NetworkId = integrationEvent.NetworkId, Name = integrationEvent.Name, EndDate = integrationEvent.EndDate, UpdatedAt = DateTime.UnixEpoch };
            db.Projects.Add(project);
        }

        project.EndedAt ??= integrationEvent.OccurredAt;
    }

    /// <summary>A deleted project (one imported twice, say) leaves the health page, the report and
    /// the reporting calendar with what Monitoring kept only for it. What the network did stays
    /// counted for the network: events, attendances and follow-ups keep their rows, and models,
    /// posts and minutes that named the project no longer do (Dissemination detaches them too).
    /// Roles go with Membership's PersonUpdated for each person who held one.</summary>
    public async Task HandleAsync(ProjectDeleted e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var id = e.ProjectId;
        var project = (Guid?)id;
        var dates = db.ReportingDates.Where(d => d.ProjectId == id).Select(d => d.Id);
        await db.ReportReminders.Where(r => dates.Contains(r.ReportingDateId)).ExecuteDeleteAsync(cancellationToken);
        await db.ReportingDates.Where(d => d.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        await db.HealthSnapshots.Where(s => s.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        await db.AttendanceProjects.Where(a => a.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Letters.Where(l => l.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Goals.Where(g => g.ProjectId == project).ExecuteDeleteAsync(cancellationToken);
        await db.Models.Where(m => m.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(m => m.ProjectId, (Guid?)null), cancellationToken);
        await db.Posts.Where(p => p.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(p => p.ProjectId, (Guid?)null), cancellationToken);
        await db.Minutes.Where(m => m.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(m => m.ProjectId, (Guid?)null), cancellationToken);
        await db.ProjectOrganisations.Where(o => o.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Projects.Where(p => p.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
    }

    public Task HandleAsync(PersonRegistered e, IntegrationEventContext context, CancellationToken cancellationToken)
        => KeepPersonAsync(e.PersonId, e.Name, e.Email, e.OrganisationId, e.Language, e.Roles, e.OccurredAt, cancellationToken);

    public Task HandleAsync(PersonUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => KeepPersonAsync(e.PersonId, e.Name, e.Email, e.OrganisationId, e.Language, e.Roles, e.OccurredAt, cancellationToken);

    /// <summary>The person's address and name go; their attendances stay counted under a key that
    /// no longer comes from the address.</summary>
    public async Task HandleAsync(PersonErased integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var id = integrationEvent.PersonId;
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == id, cancellationToken);
        if (person is null)
        {
            person = new PersonFact { PersonId = id };
            db.People.Add(person);
        }

        person.Email = "";
        person.Name = "";
        person.OrganisationId = null;
        person.ErasedAt ??= integrationEvent.OccurredAt;
        person.UpdatedAt = integrationEvent.OccurredAt;
        await db.PersonRoles.Where(r => r.PersonId == id).ExecuteDeleteAsync(cancellationToken);
        var erasedKey = Attendees.ErasedKey(id);
        await db.Attendances.Where(a => a.PersonId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.AttendeeKey, erasedKey), cancellationToken);
        await db.AttendanceProjects.Where(a => a.PersonId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.AttendeeKey, erasedKey), cancellationToken);
    }

    // Hand-written: the newest state wins and the organisations are merged row by row.
    private async Task KeepProjectAsync(Guid id, Guid networkId, string name, string? acronym, DateOnly start, DateOnly end, IReadOnlyList<ProjectOrganisation> organisations, DateTime at, bool joined, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.ProjectId == id, ct);
        if (project is null)
        {
            project = new ProjectFact { ProjectId = id, UpdatedAt = DateTime.UnixEpoch };
            db.Projects.Add(project);
        }

        if (joined && (project.JoinedAt is null || at < project.JoinedAt))
        {
            project.JoinedAt = at;
        }

        if (at < project.UpdatedAt)
        {
            return;
        }

        project.NetworkId = networkId;
        project.Name = name;
        project.Acronym = acronym;
        project.StartDate = start;
        project.EndDate = end;
        project.UpdatedAt = at;
        var kept = await db.ProjectOrganisations.Where(o => o.ProjectId == id).ToListAsync(ct);
        db.ProjectOrganisations.RemoveRange(kept.Where(k => organisations.All(o => o.OrganisationId != k.OrganisationId)));
        foreach (var organisation in organisations.DistinctBy(o => o.OrganisationId))
        {
            var row = kept.FirstOrDefault(k => k.OrganisationId == organisation.OrganisationId);
            if (row is null)
            {
                row = new ProjectOrganisationFact { ProjectId = id, OrganisationId = organisation.OrganisationId };
                db.ProjectOrganisations.Add(row);
            }

            row.Name = organisation.Name;
            row.IsLead = organisation.IsLead;
        }
    }

    // Hand-written: the newest state wins, an erased person stays erased and the address is normalised.
    private async Task KeepPersonAsync(Guid id, string name, string email, Guid? organisationId, string language, IReadOnlyList<PersonRole> roles, DateTime at, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == id, ct);
        if (person is null)
        {
            person = new PersonFact { PersonId = id, UpdatedAt = DateTime.UnixEpoch };
            db.People.Add(person);
        }

        if (at < person.UpdatedAt || person.ErasedAt is not null)
        {
            return;
        }

        person.Name = name;
        person.Email = email.Trim().ToLowerInvariant();
        person.OrganisationId = organisationId;
        person.Language = language;
        person.UpdatedAt = at;
        await db.PersonRoles.Where(r => r.PersonId == id).ExecuteDeleteAsync(ct);
        foreach (var role in roles.Distinct())
        {
            db.PersonRoles.Add(new PersonRoleFact { Id = Guid.CreateVersion7(), PersonId = id, Role = role.Role, ProjectId = role.ProjectId, NetworkId = role.NetworkId });
        }
    }
}
