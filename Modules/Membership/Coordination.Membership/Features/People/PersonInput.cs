using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.People;

/// <summary>A role as entered: role is projectManager, contact, leadership, coordinator, expert
/// or steeringGroup, held in a project or in a network (exactly one of the two).</summary>
internal sealed record RoleInput(string? Role, Guid? ProjectId, Guid? NetworkId)
{
    /// <summary>Form value "role:project:id" or "role:network:id".</summary>
    public static RoleInput? Parse(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 3 || !Guid.TryParse(parts[2], out var id))
        {
            return null;
        }

        return parts[1] switch
        {
            "project" => new RoleInput(parts[0], id, null),
            "network" => new RoleInput(parts[0], null, id),
            _ => null,
        };
    }

    public string FormValue => ProjectId is { } p ? $"{Role}:project:{p}" : $"{Role}:network:{NetworkId}";
}

/// <summary>A person as entered. Language is fi, sv or en.</summary>
internal sealed record PersonInput(string? Name, string? Email, string? Phone, Guid? OrganisationId, string? Language, List<RoleInput>? Roles)
{
    public static PersonInput From(IFormCollection form)
    {
        var roles = form.All("roles").Select(RoleInput.Parse).OfType<RoleInput>().ToList();
        if (form.Text("newRole") is { } role && form.Text("newRoleScope") is { } scope && RoleInput.Parse($"{role}:{scope}") is { } added)
        {
            roles.Add(added);
        }

        return new(form.Text("name"), form.Text("email"), form.Text("phone"), form.Id("organisationId"), form.Text("language"), roles);
    }

    public static PersonInput From(Person p)
        => new(p.Name, p.Email, p.Phone, p.OrganisationId, p.Language, [.. p.Roles.Select(r => new RoleInput(EnumText.Of(r.Role), r.ProjectId, r.NetworkId))]);
}

internal sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => string.Format(shared["Required"], l["PersonName"]))
            .MaximumLength(200).WithMessage(_ => shared.Plural("TooLong", 200, l["PersonName"]));
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => string.Format(shared["Required"], l["Email"]))
            .MaximumLength(254).WithMessage(_ => shared.Plural("TooLong", 254, l["Email"]))
            .EmailAddress().WithMessage(_ => l["EmailInvalid"]);
        RuleFor(x => x.Phone).MaximumLength(40).WithMessage(_ => shared.Plural("TooLong", 40, l["Phone"]));
        RuleFor(x => x.Language).Must(x => x is "fi" or "sv" or "en").WithMessage(_ => l["PersonLanguageInvalid"]);
        RuleForEach(x => x.Roles).ChildRules(role =>
        {
            role.RuleFor(r => r.Role).Must(EnumText.IsValid<PersonRoleKind>).WithMessage(_ => l["RoleInvalid"]);
            role.RuleFor(r => r).Must(r => (r.ProjectId is null) != (r.NetworkId is null)).WithMessage(_ => l["RoleScopeInvalid"]);
            role.RuleFor(r => r).Must(r => !EnumText.TryParse<PersonRoleKind>(r.Role, out var kind) || kind != PersonRoleKind.FunderObserver || r.NetworkId is not null)
                .WithMessage(_ => l["FunderObserverInNetwork"]);
        });
    }
}
