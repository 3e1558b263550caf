using System.Security.Claims;
using Coordination.Membership.Access;
using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.People;

internal enum PersonSaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>Adds and edits people. Coordinators edit anyone. A project manager edits people who
/// hold a role in a project they manage: their roles there (not the roles only coordinators give),
/// and the contact details only of people whose every role is theirs to give. An address of a
/// person with a sign-in changes only by a coordinator; the sign-in follows it and the old address
/// is told. The sign-in's site roles follow the directory roles at once, both ways.</summary>
internal sealed class PersonSaver(MembershipDbContext db, IValidator<PersonInput> validator, ProjectAccess access, IUserAccounts accounts, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    public async Task<(PersonSaveOutcome Outcome, Guid Id, FormErrors Errors)> SaveAsync(Guid? id, PersonInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var coordinator = ProjectAccess.IsCoordinator(user);
        var managed = coordinator ? new HashSet<Guid>() : await access.ManagedProjectsAsync(user, ct);
        bool Managed(Guid? projectId) => projectId is { } p && managed.Contains(p);
        Person? person = null;
        if (id is not null)
        {
            person = await db.People.Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
            if (person is null)
            {
                return (PersonSaveOutcome.NotFound, Guid.Empty, FormErrors.None);
            }

            if (!coordinator && !person.Roles.Any(r => Managed(r.ProjectId)))
            {
                return (PersonSaveOutcome.Forbidden, Guid.Empty, FormErrors.None);
            }
        }
        else if (!coordinator && managed.Count == 0)
        {
            return (PersonSaveOutcome.Forbidden, Guid.Empty, FormErrors.None);
        }

        var roles = (input.Roles ?? []).Distinct().ToList();
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        var email = input.Email?.Trim().ToLowerInvariant();
        if (errors.IsEmpty && await db.People.AnyAsync(p => p.Email == email && p.Id != id, ct))
        {
            errors.Add("email", l["EmailTaken"]);
        }

        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            errors.Add("organisationId", l["OrganisationNotFound"]);
        }

        if (person is not null && !coordinator && !ProjectAccess.ManagesWholly(person.Roles.Select(r => (r.Role, r.ProjectId)), managed))
        {
            // Someone with roles elsewhere (or roles only coordinators give): the contact details are not this manager's.
            foreach (var field in ChangedContactFields(person, input, email))
            {
                errors.Add(field, l["ContactDetailsNotYours"]);
            }
        }

        var personId = person?.Id ?? Guid.CreateVersion7();
        var signIn = errors.IsEmpty && email is not null ? await accounts.FindPersonAsync(personId, person?.Email ?? email, ct) : null;
        var emailChanged = person is not null && email != person.Email;
        if (signIn is not null && emailChanged)
        {
            if (!coordinator)
            {
                errors.Add("email", l["EmailChangeByCoordinator"]);
            }
            else if (await accounts.IsEmailTakenAsync(email!, signIn, ct))
            {
                errors.Add("email", l["EmailHasOtherSignIn"]);
            }
        }

        // A project manager's form posts back the person's other roles unchanged; only new ones
        // outside their own projects, or ones only coordinators give, are refused.
        var existing = person?.Roles.Select(r => (r.Role, r.ProjectId, r.NetworkId)).ToHashSet() ?? [];
        var added = roles.Where(r => EnumText.TryParse<PersonRoleKind>(r.Role, out var kind) && !existing.Contains((kind, r.ProjectId, r.NetworkId))).ToList();
        if (!coordinator && added.Any(r => !Managed(r.ProjectId)))
        {
            errors.Add("roles", l["RoleOutsideOwnProject"]);
        }
        else if (!coordinator && added.Any(r => SiteRoles.OnlyCoordinatorsGive(Parse(r.Role))))
        {
            errors.Add("roles", l["RoleOnlyCoordinatorGives"]);
        }

        if (errors.IsEmpty && !await ScopesExistAsync(roles, ct))
        {
            errors.Add("roles", l["RoleScopeNotFound"]);
        }

        if (!coordinator && person is null && roles.Count == 0)
        {
            errors.Add("roles", l["ProjectManagerAddsWithRole"]);
        }

        if (!errors.IsEmpty)
        {
            return (PersonSaveOutcome.Invalid, Guid.Empty, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = person is null;
        if (person is null)
        {
            person = new Person { Id = personId, CreatedAt = now };
            db.People.Add(person);
        }

        var siteRolesBefore = created ? new HashSet<string>() : SiteRoles.For(person.Roles.Select(r => r.Role));
        person.Name = input.Name!.Trim();
        person.NameGuessed = false; // someone saw the name and saved it
        person.Email = email!;
        person.Phone = input.Phone?.Trim();
        person.OrganisationId = input.OrganisationId;
        person.Language = input.Language!;
        person.UpdatedAt = now;

        // A project manager's form shows only their projects' roles: the others stay as they are.
        bool Editable(PersonRoleKind kind, Guid? projectId) => coordinator || (Managed(projectId) && !SiteRoles.OnlyCoordinatorsGive(kind));
        var wanted = roles.Select(r => (Kind: Parse(r.Role), r.ProjectId, r.NetworkId))
            .Where(w => Editable(w.Kind, w.ProjectId))
            .ToHashSet();
        person.Roles.RemoveAll(r => Editable(r.Role, r.ProjectId) && !wanted.Contains((r.Role, r.ProjectId, r.NetworkId)));
        foreach (var (kind, projectId, networkId) in wanted.Where(w => !person.Roles.Any(r => r.Role == w.Kind && r.ProjectId == w.ProjectId && r.NetworkId == w.NetworkId)))
        {
            person.Roles.Add(new PersonRoleAssignment { Id = Guid.CreateVersion7(), PersonId = person.Id, Role = kind, ProjectId = projectId, NetworkId = networkId });
        }

        var eventRoles = person.Roles.Select(r => new PersonRole(EnumText.Of(r.Role), r.ProjectId, r.NetworkId)).ToList();
        db.Publish<Shared.Messaging.IIntegrationEvent>(created
            ? new PersonRegistered(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, eventRoles, now)
            : new PersonUpdated(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, eventRoles, now), now);
        db.Audit(user.UserId(), created ? "CreatePerson" : "EditPerson", nameof(Person), person.Id.ToString(), null, now);
        if (signIn is not null && emailChanged)
        {
            db.Audit(user.UserId(), "ChangePersonEmail", nameof(Person), person.Id.ToString(), null, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var taken = new FormErrors();
            taken.Add("email", l["EmailTaken"]);
            return (PersonSaveOutcome.Invalid, Guid.Empty, taken);
        }

        if (signIn is not null)
        {
            await FollowAsync(signIn, person, emailChanged, siteRolesBefore, SiteRoles.For(person.Roles.Select(r => r.Role)), user.UserId(), ct);
        }

        return (PersonSaveOutcome.Saved, person.Id, FormErrors.None);
    }

    /// <summary>The sign-in follows the directory at once: its address, and the site roles the
    /// directory roles gave before and give now (an audit entry names what changed).</summary>
    private async Task FollowAsync(string signIn, Person person, bool emailChanged, IReadOnlySet<string> before, IReadOnlySet<string> after, string? userId, CancellationToken ct)
    {
        if (emailChanged)
        {
            await accounts.ChangeEmailAsync(signIn, person.Email, person.Name, person.Language, ct);
        }

        if (before.SetEquals(after))
        {
            return;
        }

        var (addedRoles, removedRoles) = await accounts.ChangeRolesAsync(signIn, [.. after.Except(before)], [.. before.Except(after)], ct);
        if (addedRoles.Count + removedRoles.Count > 0)
        {
            var summary = string.Join(" ", removedRoles.Order().Select(r => "-" + r).Concat(addedRoles.Order().Select(r => "+" + r)));
            db.Audit(userId, "ChangeSiteRoles", nameof(Person), person.Id.ToString(), summary, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The contact fields <paramref name="input"/> would change.</summary>
    private static IEnumerable<string> ChangedContactFields(Person person, PersonInput input, string? email)
    {
        if (input.Name?.Trim() != person.Name)
        {
            yield return "name";
        }

        if (email != person.Email)
        {
            yield return "email";
        }

        if (NullIfEmpty(input.Phone?.Trim()) != NullIfEmpty(person.Phone))
        {
            yield return "phone";
        }

        if (input.OrganisationId != person.OrganisationId)
        {
            yield return "organisationId";
        }

        if (input.Language != person.Language)
        {
            yield return "language";
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static PersonRoleKind Parse(string? role) => EnumText.TryParse<PersonRoleKind>(role, out var kind) ? kind : PersonRoleKind.Contact;

    private async Task<bool> ScopesExistAsync(List<RoleInput> roles, CancellationToken ct)
    {
        var projects = roles.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var networks = roles.Where(r => r.NetworkId is not null).Select(r => r.NetworkId!.Value).Distinct().ToList();
        return await db.Projects.CountAsync(p => projects.Contains(p.Id), ct) == projects.Count
            && await db.Networks.CountAsync(n => networks.Contains(n.Id), ct) == networks.Count;
    }
}
