using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Organisations;

/// <summary>An organisation as entered. Type is educationProvider, company, association,
/// publicBody or other; language fi or sv.</summary>
internal sealed record OrganisationInput(string? Name, string? BusinessId, string? Type, string? Language, string? Municipality = null)
{
    public static OrganisationInput From(IFormCollection form)
        => new(form.Text("name"), form.Text("businessId"), form.Text("type"), form.Text("language"), form.Text("municipality"));

    public static OrganisationInput From(Organisation o)
        => new(o.Name, o.BusinessId, EnumText.Of(o.Type), o.Language, o.Municipality);
}

internal sealed class OrganisationInputValidator : AbstractValidator<OrganisationInput>
{
    public OrganisationInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => string.Format(shared["Required"], l["OrganisationName"]))
            .MaximumLength(300).WithMessage(_ => shared.Plural("TooLong", 300, l["OrganisationName"]));
        RuleFor(x => x.BusinessId).Must(id => id is null || Data.BusinessId.IsValid(Data.BusinessId.Normalize(id)))
            .WithMessage(_ => l["BusinessIdInvalid"]);
        RuleFor(x => x.Type).Must(EnumText.IsValid<OrganisationType>).WithMessage(_ => l["OrganisationTypeInvalid"]);
        RuleFor(x => x.Language).Must(x => x is "fi" or "sv").WithMessage(_ => l["OrganisationLanguageInvalid"]);
        RuleFor(x => x.Municipality).MaximumLength(100).WithMessage(_ => shared.Plural("TooLong", 100, l["Municipality"]));
    }
}
