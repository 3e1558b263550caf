using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Organisations;

/// <summary>Creates and edits organisations; a business ID belongs to one organisation only.</summary>
internal sealed class OrganisationSaver(MembershipDbContext db, IValidator<OrganisationInput> validator, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    /// <summary>Saves; returns the id, or null with <paramref name="errors"/> filled (or null id
    /// and no errors when <paramref name="id"/> does not exist).</summary>
    public async Task<(Guid? Id, FormErrors Errors)> SaveAsync(Guid? id, OrganisationInput input, string? userId, CancellationToken ct)
    {
        Organisation? organisation = null;
        if (id is not null && (organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct)) is null)
        {
            return (null, FormErrors.None);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        var businessId = BusinessId.Normalize(input.BusinessId);
        if (errors.IsEmpty && await BusinessIdTakenAsync(businessId, id, ct) is { } other)
        {
            errors.Add("businessId", string.Format(l["BusinessIdTaken"], other));
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (organisation is null)
        {
            organisation = new Organisation { Id = Guid.CreateVersion7(), CreatedAt = now };
            db.Organisations.Add(organisation);
        }

        var renamed = id is not null && (organisation.Name != input.Name!.Trim() || organisation.BusinessId != businessId);
        organisation.Name = input.Name!.Trim();
        organisation.BusinessId = businessId;
        organisation.Type = EnumText.TryParse<OrganisationType>(input.Type, out var type) ? type : OrganisationType.Other;
        organisation.Language = input.Language!;
        organisation.Municipality = input.Municipality?.Trim();
        organisation.UpdatedAt = now;
        db.Audit(userId, id is null ? "CreateOrganisation" : "EditOrganisation", nameof(Organisation), organisation.Id.ToString(), organisation.Name, now);
        if (renamed)
        {
            await PublishProjectsOfAsync(organisation, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (businessId is not null)
        {
            // Saved by someone else a moment ago: the unique index caught it.
            db.ChangeTracker.Clear();
            var taken = new FormErrors();
            taken.Add("businessId", string.Format(l["BusinessIdTaken"], await BusinessIdTakenAsync(businessId, id, ct) ?? businessId));
            return (null, taken);
        }

        return (organisation.Id, FormErrors.None);
    }

    /// <summary>Other modules keep organisation names from the project events: a renamed
    /// organisation republishes each of its projects.</summary>
    private async Task PublishProjectsOfAsync(Organisation organisation, DateTime now, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Include(p => p.Partners)
            .Where(p => p.LeadOrganisationId == organisation.Id || p.Partners.Any(x => x.OrganisationId == organisation.Id))
            .ToListAsync(ct);
        foreach (var project in projects)
        {
            var organisations = (await Integration.ProjectMessages.OrganisationsOfAsync(db, project, ct))
                .Select(o => o.OrganisationId == organisation.Id ? o with { Name = organisation.Name, BusinessId = organisation.BusinessId } : o)
                .ToList();
            db.Publish(new Contracts.ProjectUpdated(project.Id, project.NetworkId, project.Name, project.Acronym, project.StartDate, project.EndDate, organisations, now), now);
        }
    }

    private async Task<string?> BusinessIdTakenAsync(string? businessId, Guid? id, CancellationToken ct)
        => businessId is null ? null : await db.Organisations.Where(o => o.BusinessId == businessId && o.Id != id).Select(o => o.Name).FirstOrDefaultAsync(ct);
}
