using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Membership.Features.Projects;
using Coordination.Membership.Resources;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.ImportApplication;

/// <summary>Creates what a previewed application describes — organisations (matched by business
/// ID, then by name), contact people, the project with its partners, goals and budget — in one
/// commit, with the events for the other modules. Bank details and signatories are never kept.</summary>
internal sealed class ApplicationImporter(MembershipDbContext db, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    public async Task<(Guid? ProjectId, FormErrors Errors)> ImportAsync(Guid? networkId, ApplicationPreview preview, string? userId, CancellationToken ct)
    {
        var errors = new FormErrors();
        if (networkId is not { } nid || !await db.Networks.AnyAsync(n => n.Id == nid, ct))
        {
            errors.Add("networkId", l["NetworkNotFound"]);
        }

        var p = preview.Project;
        if (p.Name is null)
        {
            errors.Add("project.name", l["ImportNoProjectName"]);
        }

        if (p.StartDate is null || p.EndDate is null || p.EndDate < p.StartDate)
        {
            errors.Add("project.endDate", l["ImportNeedsDates"]);
        }

        var applicant = preview.Organisations.FirstOrDefault(o => o.Role == "applicant");
        if (applicant is null)
        {
            errors.Add("organisations", l["ImportNoApplicant"]);
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var language = p.Language?.StartsWith("ruots", StringComparison.OrdinalIgnoreCase) == true || p.Language?.StartsWith("sv", StringComparison.OrdinalIgnoreCase) == true ? "sv" : "fi";
        var organisations = new Dictionary<OrganisationPart, Organisation>();
        foreach (var part in preview.Organisations)
        {
            organisations[part] = await FindOrCreateOrganisationAsync(part, part == applicant ? language : "fi", now, ct);
        }

        var organisationIds = organisations.ToDictionary(o => o.Key, o => o.Value.Id);

        var leadId = organisationIds[applicant!];
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            NetworkId = networkId!.Value,
            Name = p.Name!,
            FundingDecisionNumber = p.FundingDecisionNumber,
            LeadOrganisationId = leadId,
            StartDate = p.StartDate!.Value,
            EndDate = p.EndDate!.Value,
            GrantedAmount = preview.Budget.Grant ?? 0,
            OwnFinancing = preview.Budget.OwnFinancing ?? 0,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        project.Status = ProjectSaver.StatusFor(null, project.StartDate, project.EndDate, Shared.Localization.HelsinkiTime.Today(clock));
        foreach (var partnerId in organisationIds.Where(o => o.Key.Role == "partner").Select(o => o.Value).Where(id => id != leadId).Distinct())
        {
            project.Partners.Add(new ProjectPartner { ProjectId = project.Id, OrganisationId = partnerId });
        }

        foreach (var (line, position) in preview.Budget.Lines.Select((l, i) => (l, i)))
        {
            project.Budget.Add(new BudgetLine { Id = Guid.CreateVersion7(), ProjectId = project.Id, Position = position, Category = line.Category, Amount = line.Amount });
        }

        db.Projects.Add(project);
        foreach (var goal in preview.Goals)
        {
            db.Goals.Add(new Goal
            {
                Id = Guid.CreateVersion7(), ProjectId = project.Id, FocusArea = goal.FocusArea, Objective = goal.Objective, Activities = goal.Activities,
                Results = goal.Results, Monitoring = goal.Monitoring, CreatedAt = now, UpdatedAt = now, LastReviewedAt = now, Version = 1,
            });
        }

        var eventOrganisations = organisations.Values.DistinctBy(o => o.Id).OrderByDescending(o => o.Id == leadId)
            .Select(o => new ProjectOrganisation(o.Id, o.Name, o.BusinessId, o.Id == leadId)).ToList();
        db.Publish(new ProjectJoinedNetwork(project.Id, project.NetworkId, project.Name, project.Acronym, project.StartDate, project.EndDate, eventOrganisations, now), now);

        foreach (var part in preview.Organisations.Where(o => o.ContactEmail is not null).DistinctBy(o => o.ContactEmail))
        {
            var role = part == applicant ? PersonRoleKind.ProjectManager : PersonRoleKind.Contact;
            await AddContactAsync(part, organisationIds[part], project.Id, role, now, ct);
        }

        db.Audit(userId, "ImportApplication", nameof(Project), project.Id.ToString(), project.Name, now);
        await db.SaveChangesAsync(ct); // one commit: all of it, or nothing
        return (project.Id, FormErrors.None);
    }

    private async Task<Organisation> FindOrCreateOrganisationAsync(OrganisationPart part, string language, DateTime now, CancellationToken ct)
    {
        var normalized = part.Name.Trim().ToLowerInvariant();
        var found = (part.BusinessId is { } bid ? await db.Organisations.SingleOrDefaultAsync(o => o.BusinessId == bid, ct) : null)
            ?? await db.Organisations.FirstOrDefaultAsync(o => o.Name.ToLower() == normalized, ct)
            ?? db.Organisations.Local.FirstOrDefault(o => o.Name.Equals(part.Name.Trim(), StringComparison.OrdinalIgnoreCase) || (part.BusinessId is not null && o.BusinessId == part.BusinessId));
        if (found is not null)
        {
            found.BusinessId ??= part.BusinessId;
            return found;
        }

        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(), Name = part.Name.Trim(), BusinessId = part.BusinessId, Type = OrganisationType.EducationProvider,
            Language = language, CreatedAt = now, UpdatedAt = now,
        };
        db.Organisations.Add(organisation);
        return organisation;
    }

    private async Task AddContactAsync(OrganisationPart part, Guid organisationId, Guid projectId, PersonRoleKind role, DateTime now, CancellationToken ct)
    {
        var email = part.ContactEmail!;
        var person = await db.People.Include(x => x.Roles).SingleOrDefaultAsync(x => x.Email == email, ct);
        var created = person is null;
        if (person is null)
        {
            person = new Person { Id = Guid.CreateVersion7(), Name = part.ContactName ?? email, Email = email, OrganisationId = organisationId, CreatedAt = now, UpdatedAt = now };
            db.People.Add(person);
        }

        person.Roles.Add(new PersonRoleAssignment { Id = Guid.CreateVersion7(), PersonId = person.Id, Role = role, ProjectId = projectId });
        var roles = person.Roles.Select(r => new PersonRole(EnumText.Of(r.Role), r.ProjectId, r.NetworkId)).ToList();
        db.Publish<Shared.Messaging.IIntegrationEvent>(created
            ? new PersonRegistered(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, roles, now)
            : new PersonUpdated(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, roles, now), now);
    }
}
