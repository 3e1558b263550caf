using System.Security.Claims;
using Coordination.Membership.Access;
using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Shared.Security;

namespace Coordination.Membership.Projects;

internal enum ProjectSaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>Creates (coordinators) and edits (coordinators, the project's managers) projects and
/// publishes <see cref="ProjectJoinedNetwork"/> or <see cref="ProjectUpdated"/> in the same commit.</summary>
internal sealed class ProjectSaver(MembershipDbContext db, IValidator<ProjectInput> validator, ProjectAccess access, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    public async Task<(ProjectSaveOutcome Outcome, Guid Id, int Version, FormErrors Errors)> SaveAsync(Guid? id, ProjectInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        Project? project = null;
        if (id is not null)
        {
            project = await db.Projects.Include(p => p.Partners).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (project is null)
            {
                return (ProjectSaveOutcome.NotFound, Guid.Empty, 0, FormErrors.None);
            }

            if (!await access.CanEditProjectAsync(user, project.Id, ct))
            {
                return (ProjectSaveOutcome.Forbidden, Guid.Empty, 0, FormErrors.None);
            }
        }
        else if (!ProjectAccess.IsCoordinator(user))
        {
            return (ProjectSaveOutcome.Forbidden, Guid.Empty, 0, FormErrors.None);
        }

        var errors = await ValidateAsync(input, ct);
        if (project is not null && input.Version is null)
        {
            errors.Add("version", l["VersionRequired"]);
        }

        if (!errors.IsEmpty)
        {
            return (ProjectSaveOutcome.Invalid, Guid.Empty, 0, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = project is null;
        if (project is null)
        {
            project = new Project { Id = Guid.CreateVersion7(), CreatedAt = now, Version = 1 };
            db.Projects.Add(project);
        }
        else
        {
            db.Entry(project).Property(p => p.Version).OriginalValue = input.Version!.Value;
            project.Version = input.Version.Value + 1;
        }

        Apply(project, input, now);
        await PublishAsync(project, created, now, ct);
        db.Audit(user.UserId(), created ? "CreateProject" : "EditProject", nameof(Project), project.Id.ToString(), project.Name, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ProjectSaveOutcome.Conflict, project.Id, 0, FormErrors.None);
        }

        return (ProjectSaveOutcome.Saved, project.Id, project.Version, FormErrors.None);
    }

    /// <summary>Current status from the dates, unless given.</summary>
    public static ProjectStatus StatusFor(string? status, DateOnly start, DateOnly end, DateOnly today)
        => EnumText.TryParse<ProjectStatus>(status, out var given) ? given
            : today < start ? ProjectStatus.Planned
            : today > end ? ProjectStatus.Ended
            : ProjectStatus.Active;

    private void Apply(Project project, ProjectInput input, DateTime now)
    {
        project.NetworkId = input.NetworkId!.Value;
        project.Name = input.Name!.Trim();
        project.Acronym = input.Acronym?.Trim();
        project.FundingDecisionNumber = input.FundingDecisionNumber?.Trim();
        project.LeadOrganisationId = input.LeadOrganisationId!.Value;
        project.StartDate = input.StartDate!.Value;
        project.EndDate = input.EndDate!.Value;
        project.GrantedAmount = input.GrantedAmount ?? 0;
        project.OwnFinancing = input.OwnFinancing ?? 0;
        project.ThemeIds = [.. (input.ThemeIds ?? []).Distinct()];
        project.Status = StatusFor(input.Status, project.StartDate, project.EndDate, Shared.Localization.HelsinkiTime.Today(clock));
        var partners = (input.PartnerOrganisationIds ?? []).Distinct().ToHashSet();
        project.Partners.RemoveAll(p => !partners.Contains(p.OrganisationId));
        foreach (var organisationId in partners.Where(o => project.Partners.All(p => p.OrganisationId != o)))
        {
            project.Partners.Add(new ProjectPartner { ProjectId = project.Id, OrganisationId = organisationId });
        }

        project.UpdatedAt = now;
    }

    private async Task PublishAsync(Project project, bool created, DateTime now, CancellationToken ct)
    {
        var organisations = await Integration.ProjectMessages.OrganisationsOfAsync(db, project, ct);
        db.Publish<Shared.Messaging.IIntegrationEvent>(created
            ? new ProjectJoinedNetwork(project.Id, project.NetworkId, project.Name, project.Acronym, project.StartDate, project.EndDate, organisations, now)
            : new ProjectUpdated(project.Id, project.NetworkId, project.Name, project.Acronym, project.StartDate, project.EndDate, organisations, now), now);
    }

    private async Task<FormErrors> ValidateAsync(ProjectInput input, CancellationToken ct)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (input.NetworkId is { } networkId && !await db.Networks.AnyAsync(n => n.Id == networkId, ct))
        {
            errors.Add("networkId", l["NetworkNotFound"]);
        }

        var organisationIds = (input.PartnerOrganisationIds ?? []).Concat(input.LeadOrganisationId is { } lead ? [lead] : []).Distinct().ToList();
        var known = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (input.LeadOrganisationId is { } leadId && !known.Contains(leadId))
        {
            errors.Add("leadOrganisationId", l["OrganisationNotFound"]);
        }

        if ((input.PartnerOrganisationIds ?? []).Any(p => !known.Contains(p)))
        {
            errors.Add("partnerOrganisationIds", l["OrganisationNotFound"]);
        }

        var themes = (input.ThemeIds ?? []).Distinct().ToList();
        if (themes.Count > 0 && input.NetworkId is { } nid && await db.Themes.CountAsync(t => t.NetworkId == nid && themes.Contains(t.Id), ct) != themes.Count)
        {
            errors.Add("themeIds", l["ThemeNotFound"]);
        }

        return errors;
    }
}
