using System.Net.Mail;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Reviewers;

/// <summary>A reviewer as named by a coordinator: a person of the directory (their project and
/// organisation are taken from it) or anyone by name and address (an outside expert), with
/// the conflicts they declared.</summary>
internal sealed record ReviewerInput(
    Guid? PersonId = null,
    string? Name = null,
    string? Email = null,
    Guid? ProjectId = null,
    IReadOnlyList<Guid>? OrganisationIds = null,
    IReadOnlyList<Guid>? ConflictProjectIds = null,
    IReadOnlyList<Guid>? ConflictOrganisationIds = null,
    string? Language = null);

/// <summary>The conflicts a volunteer declares.</summary>
internal sealed record VolunteerInput(IReadOnlyList<Guid>? ConflictProjectIds = null, IReadOnlyList<Guid>? ConflictOrganisationIds = null);

/// <summary>Adds reviewers. An outside expert gets a sign-in with the Reviewer role and a link to
/// choose a password (people of the directory are invited by Membership).</summary>
internal sealed class ReviewerService(PeerReviewDbContext db, TimeProvider clock, IUserAccounts accounts, IStringLocalizer<PeerReviewStrings> l)
{
    /// <summary>Adds a reviewer; null when the round does not exist.</summary>
    public async Task<(Guid? Id, FormErrors Errors)?> AddAsync(Guid roundId, ReviewerInput input, bool volunteered, string? userId, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct))
        {
            return null;
        }

        var errors = new FormErrors();
        var reviewer = new Reviewer { Id = Guid.CreateVersion7(), RoundId = roundId, Volunteered = volunteered, AddedAt = clock.GetUtcNow().UtcDateTime };
        if (input.PersonId is { } personId)
        {
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, ct);
            if (person is null)
            {
                errors.Add("personId", l["PersonUnknown"]);
                return (null, errors);
            }

            reviewer.PersonId = person.PersonId;
            reviewer.Name = person.Name;
            reviewer.Email = person.Email;
            reviewer.Language = person.Language;
            reviewer.ProjectId = input.ProjectId ?? (person.ProjectIds.Count > 0 ? person.ProjectIds[0] : null);
            reviewer.OrganisationIds = person.OrganisationId is { } o ? [o] : [];
            // Everyone of a person's projects counts as their own: never review any of them.
            reviewer.ConflictProjectIds = [.. person.ProjectIds.Where(p => p != reviewer.ProjectId)];
        }
        else
        {
            var email = input.Email?.Trim().ToLowerInvariant();
            if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
            {
                errors.Add("name", l["ReviewerNameRequired"]);
            }

            if (email is null || email.Length > 254 || !MailAddress.TryCreate(email, out _))
            {
                errors.Add("email", l["EmailInvalid"]);
            }

            reviewer.Name = input.Name?.Trim() ?? "";
            reviewer.Email = email ?? "";
            if (input.Language is { } language && language is not ("fi" or "sv" or "en"))
            {
                errors.Add("language", l["LanguageInvalid"]);
            }

            reviewer.Language = input.Language ?? "fi";
            reviewer.ProjectId = input.ProjectId;
            reviewer.OrganisationIds = [.. input.OrganisationIds ?? []];
        }

        if (input.ProjectId is { } project && !await db.Projects.AnyAsync(p => p.ProjectId == project, ct))
        {
            errors.Add("projectId", l["ProjectUnknown"]);
        }

        reviewer.ConflictProjectIds = [.. reviewer.ConflictProjectIds.Concat(input.ConflictProjectIds ?? []).Distinct()];
        reviewer.ConflictOrganisationIds = [.. reviewer.ConflictOrganisationIds.Concat(input.ConflictOrganisationIds ?? []).Distinct()];
        if (errors.IsEmpty && await db.Reviewers.AnyAsync(r => r.RoundId == roundId && r.Email == reviewer.Email, ct))
        {
            errors.Add(input.PersonId is null ? "email" : "personId", l["ReviewerAlready"]);
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        db.Reviewers.Add(reviewer);
        // The reviewer's id, never their name: the audit trail outlives an erasure.
        db.Audit(userId, volunteered ? "VolunteerAsReviewer" : "AddReviewer", nameof(Round), roundId.ToString(), reviewer.Id.ToString(), reviewer.AddedAt);
        await db.SaveChangesAsync(ct);
        if (reviewer.PersonId is null)
        {
            await accounts.InviteAsync(reviewer.Email, reviewer.Name, [Roles.Reviewer], reviewer.Language, ct);
        }

        return (reviewer.Id, errors);
    }

    /// <summary>The signed-in member volunteers, by their directory entry (same e-mail).</summary>
    public async Task<(Guid? Id, FormErrors Errors)?> VolunteerAsync(Guid roundId, string? email, VolunteerInput input, string? userId, CancellationToken ct)
    {
        var person = email is null ? null : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email, ct);
        if (person is null)
        {
            var errors = new FormErrors();
            errors.Add("personId", l["VolunteerNotInDirectory"]);
            return await db.Rounds.AnyAsync(r => r.Id == roundId, ct) ? (null, errors) : null;
        }

        return await AddAsync(roundId, new ReviewerInput(person.PersonId, ConflictProjectIds: input.ConflictProjectIds, ConflictOrganisationIds: input.ConflictOrganisationIds), true, userId, ct);
    }
}
