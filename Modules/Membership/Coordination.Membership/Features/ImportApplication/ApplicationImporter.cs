using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Membership.Features.Projects;
using Coordination.Membership.Resources;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Membership.Projects;

namespace Coordination.Membership.Features.ImportApplication;

internal enum ImportOutcome
{
    Imported,
    Updated,
    Invalid,

    /// <summary>The application was imported before; the caller must choose to update or stop.</summary>
    Duplicate,
    NotFound,
}

internal sealed record ImportResult(ImportOutcome Outcome, Guid? ProjectId, FormErrors Errors);

/// <summary>Creates what a previewed application describes — organisations (matched by business
/// ID, then by name), contact people, the project with its partners, goals, budget and plan — in
/// one commit, with the events for the other modules. An application imported before is refused
/// unless the caller asks to update that project. Bank details and personal identity numbers
/// never reach here (the parser masks them).</summary>
internal sealed class ApplicationImporter(MembershipDbContext db, ImportedProjects importedProjects, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    /// <summary>Imports <paramref name="preview"/> into <paramref name="networkId"/>, or with
    /// <paramref name="updateProjectId"/> applies it to that project instead.</summary>
    public async Task<ImportResult> ImportAsync(Guid? networkId, ApplicationPreview preview, string? userId, Guid? updateProjectId, CancellationToken ct)
    {
        var errors = new FormErrors();
        Project? existing = null;
        if (updateProjectId is { } updateId)
        {
            existing = await db.Projects.Include(p => p.Partners).Include(p => p.Budget).SingleOrDefaultAsync(p => p.Id == updateId, ct);
            if (existing is null)
            {
                return new ImportResult(ImportOutcome.NotFound, null, FormErrors.None);
            }
        }
        else if (networkId is not { } nid || !await db.Networks.AnyAsync(n => n.Id == nid, ct))
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
            return new ImportResult(ImportOutcome.Invalid, null, errors);
        }

        if (existing is null && await importedProjects.FindAsync(preview, ct) is { } imported)
        {
            return new ImportResult(ImportOutcome.Duplicate, imported.Id, FormErrors.None);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = new Dictionary<OrganisationPart, Organisation>();
        foreach (var part in preview.Organisations)
        {
            organisations[part] = await FindOrCreateOrganisationAsync(part, now, ct);
        }

        var leadId = organisations[applicant!].Id;
        var created = existing is null;
        var project = existing ?? new Project { Id = Guid.CreateVersion7(), NetworkId = networkId!.Value, CreatedAt = now, Version = 0 };
        project.Name = p.Name!;
        project.FundingDecisionNumber = p.FundingDecisionNumber ?? project.FundingDecisionNumber;
        project.LeadOrganisationId = leadId;
        project.StartDate = p.StartDate!.Value;
        project.EndDate = p.EndDate!.Value;
        project.GrantedAmount = preview.Budget.Grant ?? project.GrantedAmount;
        project.OwnFinancing = preview.Budget.OwnFinancing ?? project.OwnFinancing;
        project.UpdatedAt = now;
        project.Version++;
        if (project.Status != ProjectStatus.Interrupted)
        {
            project.Status = ProjectSaver.StatusFor(null, project.StartDate, project.EndDate, Shared.Localization.HelsinkiTime.Today(clock));
        }

        // An update adds what is missing and removes nothing a coordinator may have added.
        project.Partners.RemoveAll(x => x.OrganisationId == leadId);
        foreach (var partnerId in organisations.Where(o => o.Key.Role == "partner").Select(o => o.Value.Id).Where(id => id != leadId).Distinct()
            .Where(id => project.Partners.All(x => x.OrganisationId != id)))
        {
            project.Partners.Add(new ProjectPartner { ProjectId = project.Id, OrganisationId = partnerId });
        }

        // The budget and the plan are the application's: replaced whole.
        db.BudgetLines.RemoveRange(project.Budget);
        project.Budget.Clear();
        ApplicationPlan.AddBudget(project, null, preview.Budget.Lines);
        foreach (var partnerPlan in preview.PartnerPlans)
        {
            if (organisations.FirstOrDefault(o => ApplicationPlan.Same(o.Key.Name, partnerPlan.Organisation)).Value is { } organisation)
            {
                ApplicationPlan.AddBudget(project, organisation.Id, partnerPlan.Budget);
            }
        }

        if (created)
        {
            db.Projects.Add(project);
        }

        await SavePlanAsync(project.Id, preview, organisations, now, ct);
        List<string> goals = created ? [] : await db.Goals.Where(g => g.ProjectId == project.Id).Select(g => g.Objective).ToListAsync(ct);
        foreach (var goal in preview.Goals.Where(g => !goals.Contains(g.Objective)))
        {
            var saved = new Goal
            {
                Id = Guid.CreateVersion7(), ProjectId = project.Id, FocusArea = goal.FocusArea, Objective = goal.Objective, Activities = goal.Activities,
                Results = goal.Results, Monitoring = goal.Monitoring, CreatedAt = now, UpdatedAt = now, LastReviewedAt = now, Version = 1,
            };
            db.Goals.Add(saved);
            db.Publish(Integration.HealthMessages.Goal(saved), now);
        }

        var eventOrganisations = await ProjectOrganisationsAsync(project, organisations.Values, ct);
        db.Publish<Shared.Messaging.IIntegrationEvent>(created
            ? new ProjectJoinedNetwork(project.Id, project.NetworkId, project.Name, project.Acronym, project.StartDate, project.EndDate, eventOrganisations, now)
            : new ProjectUpdated(project.Id, project.NetworkId, project.Name, project.Acronym, project.StartDate, project.EndDate, eventOrganisations, now), now);

        foreach (var part in preview.Organisations.Where(o => o.ContactEmail is not null).DistinctBy(o => o.ContactEmail))
        {
            var role = part == applicant ? PersonRoleKind.ProjectManager : PersonRoleKind.Contact;
            await AddContactAsync(part, organisations[part].Id, project.Id, role, now, ct);
        }

        db.Audit(userId, created ? "ImportApplication" : "ReimportApplication", nameof(Project), project.Id.ToString(), project.Name, now);
        try
        {
            await db.SaveChangesAsync(ct); // one commit: all of it, or nothing
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var conflict = new FormErrors();
            conflict.Add("project", l["EditConflict"]);
            return new ImportResult(ImportOutcome.Invalid, null, conflict);
        }

        return new ImportResult(created ? ImportOutcome.Imported : ImportOutcome.Updated, project.Id, FormErrors.None);
    }

    /// <summary>The lead first, then partners by name, as the events carry them.</summary>
    private async Task<List<ProjectOrganisation>> ProjectOrganisationsAsync(Project project, IEnumerable<Organisation> known, CancellationToken ct)
    {
        var ids = project.Partners.Select(x => x.OrganisationId).Append(project.LeadOrganisationId).ToHashSet();
        var local = known.Where(o => ids.Contains(o.Id)).DistinctBy(o => o.Id).ToList();
        var missing = ids.Except(local.Select(o => o.Id)).ToList();
        local.AddRange(await db.Organisations.AsNoTracking().Where(o => missing.Contains(o.Id)).ToListAsync(ct));
        return [.. local
            .OrderByDescending(o => o.Id == project.LeadOrganisationId).ThenBy(o => o.Name, StringComparer.Create(Shared.Localization.FinnishFormat.Finnish, true))
            .Select(o => new ProjectOrganisation(o.Id, o.Name, o.BusinessId, o.Id == project.LeadOrganisationId))];
    }

    private async Task<Organisation> FindOrCreateOrganisationAsync(OrganisationPart part, DateTime now, CancellationToken ct)
    {
        var normalized = part.Name.Trim().ToLowerInvariant();
        var found = db.Organisations.Local.FirstOrDefault(o => o.Name.Equals(part.Name.Trim(), StringComparison.OrdinalIgnoreCase) || (part.BusinessId is not null && o.BusinessId == part.BusinessId))
            ?? (part.BusinessId is { } bid ? await db.Organisations.SingleOrDefaultAsync(o => o.BusinessId == bid, ct) : null)
            ?? await db.Organisations.FirstOrDefaultAsync(o => o.Name.ToLower() == normalized, ct);
        if (found is not null)
        {
            found.BusinessId ??= part.BusinessId;
            found.Language ??= part.Language; // a language someone set is kept
            return found;
        }

        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(), Name = part.Name.Trim(), BusinessId = part.BusinessId, Type = OrganisationType.EducationProvider,
            Language = part.Language, CreatedAt = now, UpdatedAt = now,
        };
        db.Organisations.Add(organisation);
        return organisation;
    }

    private async Task AddContactAsync(OrganisationPart part, Guid organisationId, Guid projectId, PersonRoleKind role, DateTime now, CancellationToken ct)
    {
        var email = part.ContactEmail!;
        var person = db.People.Local.SingleOrDefault(x => x.Email == email) ?? await db.People.Include(x => x.Roles).SingleOrDefaultAsync(x => x.Email == email, ct);
        var created = person is null;
        if (person is null)
        {
            person = new Person
            {
                Id = Guid.CreateVersion7(), Name = part.ContactName ?? email, NameGuessed = part.ContactNameGuessed, Email = email, OrganisationId = organisationId,
                CreatedAt = now, UpdatedAt = now,
            };
            db.People.Add(person);
        }
        else if (person.Roles.Any(r => r.Role == role && r.ProjectId == projectId))
        {
            return; // imported before: nothing to add
        }

        person.Roles.Add(new PersonRoleAssignment { Id = Guid.CreateVersion7(), PersonId = person.Id, Role = role, ProjectId = projectId });
        var roles = person.Roles.Select(r => new PersonRole(EnumText.Of(r.Role), r.ProjectId, r.NetworkId)).ToList();
        db.Publish<Shared.Messaging.IIntegrationEvent>(created
            ? new PersonRegistered(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, roles, now)
            : new PersonUpdated(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, roles, now), now);
    }

    private async Task SavePlanAsync(Guid projectId, ApplicationPreview preview, Dictionary<OrganisationPart, Organisation> organisations, DateTime now, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(x => x.ProjectId == projectId, ct);
        if (plan is null)
        {
            db.Plans.Add(plan = new ProjectPlan { ProjectId = projectId });
        }

        ApplicationPlan.Apply(plan, preview, organisations, now);
    }
}
