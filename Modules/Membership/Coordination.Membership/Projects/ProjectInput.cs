using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Projects;

/// <summary>A member project as entered. Status is planned, active, ended or interrupted
/// (left out: from the dates). <paramref name="Version"/> is required when editing.</summary>
internal sealed record ProjectInput(
    Guid? NetworkId,
    string? Name,
    string? Acronym,
    string? FundingDecisionNumber,
    Guid? LeadOrganisationId,
    List<Guid>? PartnerOrganisationIds,
    DateOnly? StartDate,
    DateOnly? EndDate,
    decimal? GrantedAmount,
    decimal? OwnFinancing,
    List<Guid>? ThemeIds = null,
    string? Status = null,
    int? Version = null)
{
    /// <summary>Reads the form; dates and amounts that do not parse land in <paramref name="errors"/>.</summary>
    public static ProjectInput From(IFormCollection form, FormErrors errors, IStringLocalizer<MembershipStrings> l)
        => new(
            form.Id("networkId"),
            form.Text("name"),
            form.Text("acronym"),
            form.Text("fundingDecisionNumber"),
            form.Id("leadOrganisationId"),
            form.Ids("partnerOrganisationIds"),
            form.Date("startDate", errors, l["DateInvalid"]),
            form.Date("endDate", errors, l["DateInvalid"]),
            form.Amount("grantedAmount", errors, l["AmountInvalid"]),
            form.Amount("ownFinancing", errors, l["AmountInvalid"]),
            form.Ids("themeIds"),
            form.Text("status"),
            form.Number("version"));

    public static ProjectInput From(Project p)
        => new(p.NetworkId, p.Name, p.Acronym, p.FundingDecisionNumber, p.LeadOrganisationId, [.. p.Partners.Select(x => x.OrganisationId)],
            p.StartDate, p.EndDate, p.GrantedAmount, p.OwnFinancing, p.ThemeIds, EnumText.Of(p.Status), p.Version);
}

internal sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    public ProjectInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        RuleFor(x => x.NetworkId).NotNull().WithMessage(_ => string.Format(shared["Required"], l["Network"]));
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => string.Format(shared["Required"], l["ProjectName"]))
            .MaximumLength(300).WithMessage(_ => shared.Plural("TooLong", 300, l["ProjectName"]));
        RuleFor(x => x.Acronym).MaximumLength(50).WithMessage(_ => shared.Plural("TooLong", 50, l["Acronym"]));
        RuleFor(x => x.FundingDecisionNumber).MaximumLength(50).WithMessage(_ => shared.Plural("TooLong", 50, l["FundingDecisionNumber"]));
        RuleFor(x => x.LeadOrganisationId).NotNull().WithMessage(_ => string.Format(shared["Required"], l["LeadOrganisation"]));
        RuleFor(x => x.StartDate).NotNull().WithMessage(_ => string.Format(shared["Required"], l["StartDate"]));
        RuleFor(x => x.EndDate).NotNull().WithMessage(_ => string.Format(shared["Required"], l["EndDate"]));
        RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
            .WithMessage(_ => l["EndBeforeStart"]);
        RuleFor(x => x.GrantedAmount).GreaterThanOrEqualTo(0).WithMessage(_ => l["AmountNegative"]);
        RuleFor(x => x.OwnFinancing).GreaterThanOrEqualTo(0).WithMessage(_ => l["AmountNegative"]);
        RuleFor(x => x.Status).Must(s => s is null || EnumText.IsValid<ProjectStatus>(s)).WithMessage(_ => l["StatusInvalid"]);
        RuleFor(x => x.PartnerOrganisationIds).Must((x, ids) => ids is null || x.LeadOrganisationId is null || !ids.Contains(x.LeadOrganisationId.Value))
            .WithMessage(_ => l["LeadIsNoPartner"]);
    }
}
