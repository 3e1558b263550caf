using System.Security.Claims;
using Coordination.Membership.Access;
using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Shared.Security;

namespace Coordination.Membership.Features.People;

internal enum PersonSaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>Adds and edits people. Coordinators edit anyone; a project manager only people who
/// hold a role in a project they manage, and only the roles of those projects.</summary>
internal sealed class PersonSaver(MembershipDbContext db, IValidator<PersonInput> validator, ProjectAccess access, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    public async Task<(PersonSaveOutcome Outcome, Guid Id, FormErrors Errors)> SaveAsync(Guid? id, PersonInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var coordinator = ProjectAccess.IsCoordinator(user);
        var managed = coordinator ? new HashSet<Guid>() : await access.ManagedProjectsAsync(user, ct);
        Person? person = null;
        if (id is not null)
        {
            person = await db.People.Include(p => p.Roles).SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
            if (person is null)
            {
                return (PersonSaveOutcome.NotFound, Guid.Empty, FormErrors.None);
            }

            if (!coordinator && !person.Roles.Any(r => r.ProjectId is { } p && managed.Contains(p)))
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

        // A project manager's form posts back the person's other roles unchanged; only new ones
        // outside their own projects are refused.
        var existing = person?.Roles.Select(r => (EnumText.Of(r.Role), r.ProjectId, r.NetworkId)).ToHashSet() ?? [];
        if (!coordinator && roles.Any(r => (r.ProjectId is not { } p || !managed.Contains(p)) && !existing.Contains((EnumText.TryParse<PersonRoleKind>(r.Role, out var k) ? EnumText.Of(k) : "", r.ProjectId, r.NetworkId))))
        {
            errors.Add("roles", l["RoleOutsideOwnProject"]);
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
            person = new Person { Id = Guid.CreateVersion7(), CreatedAt = now };
            db.People.Add(person);
        }

        person.Name = input.Name!.Trim();
        person.NameGuessed = false; // someone saw the name and saved it
        person.Email = email!;
        person.Phone = input.Phone?.Trim();
        person.OrganisationId = input.OrganisationId;
        person.Language = input.Language!;
        person.UpdatedAt = now;

        // A project manager's form shows only their projects' roles: the others stay as they are.
        bool Editable(PersonRoleAssignment r) => coordinator || (r.ProjectId is { } p && managed.Contains(p));
        var wanted = roles.Select(r => (Kind: Parse(r.Role), r.ProjectId, r.NetworkId))
            .Where(w => coordinator || (w.ProjectId is { } p && managed.Contains(p)))
            .ToHashSet();
        person.Roles.RemoveAll(r => Editable(r) && !wanted.Contains((r.Role, r.ProjectId, r.NetworkId)));
        foreach (var (kind, projectId, networkId) in wanted.Where(w => !person.Roles.Any(r => r.Role == w.Kind && r.ProjectId == w.ProjectId && r.NetworkId == w.NetworkId)))
        {
            person.Roles.Add(new PersonRoleAssignment { Id = Guid.CreateVersion7(), PersonId = person.Id, Role = kind, ProjectId = projectId, NetworkId = networkId });
        }

        var eventRoles = person.Roles.Select(r => new PersonRole(EnumText.Of(r.Role), r.ProjectId, r.NetworkId)).ToList();
        db.Publish<Shared.Messaging.IIntegrationEvent>(created
            ? new PersonRegistered(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, eventRoles, now)
            : new PersonUpdated(person.Id, person.Name, person.Email, person.OrganisationId, person.Language, eventRoles, now), now);
        db.Audit(user.UserId(), created ? "CreatePerson" : "EditPerson", nameof(Person), person.Id.ToString(), null, now);
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

        return (PersonSaveOutcome.Saved, person.Id, FormErrors.None);
    }

    private static PersonRoleKind Parse(string? role) => EnumText.TryParse<PersonRoleKind>(role, out var kind) ? kind : PersonRoleKind.Contact;

    private async Task<bool> ScopesExistAsync(List<RoleInput> roles, CancellationToken ct)
    {
        var projects = roles.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var networks = roles.Where(r => r.NetworkId is not null).Select(r => r.NetworkId!.Value).Distinct().ToList();
        return await db.Projects.CountAsync(p => projects.Contains(p.Id), ct) == projects.Count
            && await db.Networks.CountAsync(n => networks.Contains(n.Id), ct) == networks.Count;
    }
}
