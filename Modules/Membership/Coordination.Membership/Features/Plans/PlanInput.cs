using System.Globalization;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Plans;

/// <summary>A project's plan as edited (the whole plan: a list left out is emptied). Rows whose
/// fields are all empty are ignored, so a form may post spare blank rows. Send the
/// <paramref name="Version"/> you read (0 for a project without a plan yet).</summary>
internal sealed record PlanInput(
    string? CallName = null,
    string? CallCaseNumber = null,
    string? CallPeriod = null,
    string? ApplicantEmail = null,
    string? OwnerType = null,
    string? PostalAddress = null,
    string? PostalCode = null,
    string? PostOffice = null,
    List<SignatoryInput>? Signatories = null,
    string? FocusAreas = null,
    string? LanguageOfBusiness = null,
    bool? JointProject = null,
    string? OtherPartners = null,
    string? Summary = null,
    string? Need = null,
    string? PreviousWork = null,
    string? TargetGroups = null,
    string? Involvement = null,
    string? Equality = null,
    string? Uptake = null,
    List<AnswerInput>? OtherAnswers = null,
    bool? NationalCoordination = null,
    string? Attachments = null,
    bool? VatIncluded = null,
    List<GrantShareInput>? GrantByFocusArea = null,
    List<FinancingLineInput>? OtherFinancing = null,
    List<BudgetLineInput>? Budget = null,
    List<PartnerPlanInput>? Partners = null,
    int? Version = null)
{
    /// <summary>The longest list of rows read from a form (a form has far fewer).</summary>
    private const int MaxRows = 500;

    /// <summary>Reads the form (inputs named like the JSON paths, e.g. "partners[0].budget[1].amount");
    /// amounts that do not parse land in <paramref name="errors"/>.</summary>
    public static PlanInput From(IFormCollection form, FormErrors errors, string amountInvalid)
    {
        List<T> Rows<T>(string prefix, Func<string, T> read)
        {
            var rows = new List<T>();
            for (var i = 0; i < MaxRows && form.Keys.Any(k => k.StartsWith($"{prefix}[{i}].", StringComparison.OrdinalIgnoreCase)); i++)
            {
                rows.Add(read($"{prefix}[{i}]"));
            }

            return rows;
        }

        decimal? Amount(string name) => form.Amount(name, errors, amountInvalid);
        List<BudgetLineInput> Budget(string prefix) => Rows(prefix, r => new BudgetLineInput(form.Text($"{r}.category"), form.Text($"{r}.description"), Amount($"{r}.amount")));
        return new PlanInput(
            form.Text("callName"), form.Text("callCaseNumber"), form.Text("callPeriod"),
            form.Text("applicantEmail"), form.Text("ownerType"), form.Text("postalAddress"), form.Text("postalCode"), form.Text("postOffice"),
            Rows("signatories", r => new SignatoryInput(form.Text($"{r}.name"), form.Text($"{r}.email"))),
            form.Text("focusAreas"), form.Text("languageOfBusiness"), YesNo(form.Text("jointProject")), form.Text("otherPartners"),
            form.Text("summary"), form.Text("need"), form.Text("previousWork"), form.Text("targetGroups"), form.Text("involvement"), form.Text("equality"), form.Text("uptake"),
            Rows("otherAnswers", r => new AnswerInput(form.Text($"{r}.question"), form.Text($"{r}.answer"))),
            YesNo(form.Text("nationalCoordination")), form.Text("attachments"), YesNo(form.Text("vatIncluded")),
            Rows("grantByFocusArea", r => new GrantShareInput(form.Text($"{r}.focusArea"), Amount($"{r}.amount"))),
            Rows("otherFinancing", r => new FinancingLineInput(form.Text($"{r}.label"), Amount($"{r}.amount"))),
            Budget("budget"),
            Rows("partners", r => new PartnerPlanInput(
                form.Id($"{r}.organisationId"), form.Text($"{r}.workPlan"),
                Rows($"{r}.indicators", i => new IndicatorInput(form.Text($"{i}.name"), form.Text($"{i}.target"))),
                Budget($"{r}.budget"))),
            form.Number("version"));
    }

    private static bool? YesNo(string? value) => value switch { "true" => true, "false" => false, _ => null };
}

internal sealed record SignatoryInput(string? Name, string? Email)
{
    public bool IsBlank => Name is null && Email is null;
}

internal sealed record AnswerInput(string? Question, string? Answer)
{
    public bool IsBlank => Question is null && Answer is null;
}

internal sealed record GrantShareInput(string? FocusArea, decimal? Amount)
{
    public bool IsBlank => FocusArea is null && Amount is null;
}

internal sealed record FinancingLineInput(string? Label, decimal? Amount)
{
    public bool IsBlank => Label is null && Amount is null;
}

internal sealed record BudgetLineInput(string? Category, string? Description, decimal? Amount)
{
    public bool IsBlank => Category is null && Description is null && Amount is null;
}

internal sealed record IndicatorInput(string? Name, string? Target)
{
    public bool IsBlank => Name is null && Target is null;
}

internal sealed record PartnerPlanInput(Guid? OrganisationId, string? WorkPlan, List<IndicatorInput>? Indicators, List<BudgetLineInput>? Budget);
