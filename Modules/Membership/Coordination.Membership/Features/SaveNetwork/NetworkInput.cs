using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.SaveNetwork;

/// <summary>A network as a coordinator enters it, in the browser or as JSON.
/// <paramref name="Version"/> is required when editing.</summary>
internal sealed record NetworkInput(LocalizedTextInput? Name, LocalizedTextInput? Description, int? Version = null, string? FundingProgramme = null)
{
    public static NetworkInput From(IFormCollection form)
        => new(form.LocalizedText("name"), form.LocalizedText("description"), form.Number("version"), form.Text("fundingProgramme"));
}

internal sealed class NetworkInputValidator : AbstractValidator<NetworkInput>
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public NetworkInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        RuleFor(x => x.Name).LocalizedText(shared, l["NetworkName"], required: true, NameMaxLength);
        RuleFor(x => x.Description).LocalizedText(shared, l["Description"], required: false, DescriptionMaxLength);
        RuleFor(x => x.FundingProgramme).MaximumLength(300).WithMessage(_ => shared.Plural("TooLong", 300, l["FundingProgramme"]));
    }
}
