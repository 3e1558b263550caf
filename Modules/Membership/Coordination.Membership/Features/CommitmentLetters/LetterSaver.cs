using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Integration;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.CommitmentLetters;

/// <summary>Validates and saves a letter (insert or update), audited.</summary>
internal sealed class LetterSaver(MembershipDbContext db, IValidator<LetterInput> validator, ProjectAccess access, TimeProvider clock)
{
    /// <summary>The project, when <paramref name="organisationId"/> is its lead or a partner.</summary>
    public static async Task<Project?> ProjectOfAsync(MembershipDbContext db, Guid projectId, Guid organisationId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Partners).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        return project is not null && (project.LeadOrganisationId == organisationId || project.Partners.Any(p => p.OrganisationId == organisationId)) ? project : null;
    }

    public async Task<(int Status, FormErrors Errors)> SaveAsync(Guid projectId, Guid organisationId, LetterInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ProjectOfAsync(db, projectId, organisationId, ct) is null)
        {
            return (StatusCodes.Status404NotFound, FormErrors.None);
        }

        if (!await access.CanEditProjectAsync(user, projectId, ct))
        {
            return (StatusCodes.Status403Forbidden, FormErrors.None);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (!errors.IsEmpty)
        {
            return (StatusCodes.Status400BadRequest, errors);
        }

        var letter = await db.CommitmentLetters.SingleOrDefaultAsync(l => l.ProjectId == projectId && l.OrganisationId == organisationId, ct);
        if (letter is null)
        {
            letter = new CommitmentLetter { Id = Guid.CreateVersion7(), ProjectId = projectId, OrganisationId = organisationId };
            db.CommitmentLetters.Add(letter);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        letter.Tasks = [.. input.Tasks!.Select(t => t.Trim()).Where(t => t.Length > 0)];
        letter.SignedBy = input.SignedBy?.Trim();
        letter.SignedOn = input.SignedOn;
        letter.UpdatedAt = now;
        db.Audit(user.UserId(), "SaveCommitmentLetter", nameof(CommitmentLetter), letter.Id.ToString(), null, now);
        db.Publish(await HealthMessages.LetterAsync(db, letter, ct), now);
        await db.SaveChangesAsync(ct);
        return (StatusCodes.Status200OK, FormErrors.None);
    }
}
