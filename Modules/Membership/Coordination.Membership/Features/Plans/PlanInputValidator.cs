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

/// <summary>Lengths as the database keeps them; every row that is not blank needs its name (and
/// amounts their amount); errors name the row, so the error summary says which field is meant.</summary>
internal sealed class PlanInputValidator : AbstractValidator<PlanInput>
{
    public PlanInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        void Max(System.Linq.Expressions.Expression<Func<PlanInput, string?>> field, int max, string label)
            => RuleFor(field).MaximumLength(max).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["TooLong"], l[label], max));

        Max(x => x.CallName, ProjectPlanLimits.Long, "PlanCallName");
        Max(x => x.CallCaseNumber, 50, "CallCaseNumber");
        Max(x => x.CallPeriod, ProjectPlanLimits.Short, "PlanCallPeriod");
        Max(x => x.ApplicantEmail, 254, "PlanApplicantEmail");
        Max(x => x.OwnerType, ProjectPlanLimits.Short, "PlanOwnerType");
        Max(x => x.PostalAddress, ProjectPlanLimits.Short, "PlanPostalAddress");
        Max(x => x.PostalCode, 20, "PlanPostalCode");
        Max(x => x.PostOffice, ProjectPlanLimits.Short, "PlanPostOffice");
        Max(x => x.FocusAreas, ProjectPlanLimits.Long, "PlanFocusAreas");
        Max(x => x.LanguageOfBusiness, ProjectPlanLimits.Short, "PlanLanguageOfBusiness");
        Max(x => x.OtherPartners, ProjectPlanLimits.Long, "PlanOtherPartners");
        Max(x => x.Summary, ProjectPlanLimits.Text, "PlanSummary");
        Max(x => x.Need, ProjectPlanLimits.Text, "PlanNeed");
        Max(x => x.PreviousWork, ProjectPlanLimits.Text, "PlanPreviousWork");
        Max(x => x.TargetGroups, ProjectPlanLimits.Text, "PlanTargetGroups");
        Max(x => x.Involvement, ProjectPlanLimits.Text, "PlanInvolvement");
        Max(x => x.Equality, ProjectPlanLimits.Text, "PlanEquality");
        Max(x => x.Uptake, ProjectPlanLimits.Text, "PlanUptake");
        Max(x => x.Attachments, ProjectPlanLimits.Long, "PlanAttachments");
        RuleFor(x => x.ApplicantEmail).EmailAddress().When(x => x.ApplicantEmail is not null).WithMessage(_ => l["PlanEmailInvalid"]);
        RuleFor(x => x.Version).NotNull().WithMessage(_ => l["VersionRequired"]);
        RuleFor(x => x).Custom((input, context) => new RowChecks(context, shared, l).Check(input));
    }

    /// <summary>The rows of the plan's lists, each error under its own field ("budget[2].amount").</summary>
    private sealed class RowChecks(ValidationContext<PlanInput> context, IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        public void Check(PlanInput input)
        {
            Each(input.Signatories, "signatories", "PlanSignatory", (row, at, label) =>
            {
                Text(row.Name, $"{at}.name", label, l["PersonName"], 200, required: true);
                Text(row.Email, $"{at}.email", label, l["Email"], 254);
                if (row.Email is not null && !row.Email.Contains('@', StringComparison.Ordinal))
                {
                    Fail($"{at}.email", label, l["PlanEmailInvalid"]);
                }
            });
            Each(input.OtherAnswers, "otherAnswers", "PlanOtherAnswers", (row, at, label) =>
            {
                Text(row.Question, $"{at}.question", label, l["PlanQuestion"], ProjectPlanLimits.Long, required: true);
                Text(row.Answer, $"{at}.answer", label, l["PlanAnswer"], ProjectPlanLimits.Text, required: true);
            });
            Each(input.GrantByFocusArea, "grantByFocusArea", "PlanGrantByFocusArea", (row, at, label) =>
            {
                Text(row.FocusArea, $"{at}.focusArea", label, l["FocusArea"], ProjectPlanLimits.Short, required: true);
                Amount(row.Amount, $"{at}.amount", label);
            });
            Each(input.OtherFinancing, "otherFinancing", "PlanOtherFinancing", (row, at, label) =>
            {
                Text(row.Label, $"{at}.label", label, l["PlanFinancingLabel"], ProjectPlanLimits.Short, required: true);
                Amount(row.Amount, $"{at}.amount", label);
            });
            Budget(input.Budget, "budget", l["Budget"]);
            var partners = input.Partners ?? [];
            for (var p = 0; p < partners.Count; p++)
            {
                var partner = partners[p];
                var at = $"partners[{p}]";
                if (partner.OrganisationId is null)
                {
                    context.AddFailure(new ValidationFailure($"{at}.organisationId", string.Format(CultureInfo.CurrentCulture, shared["Required"], l["Organisation"])));
                }

                Text(partner.WorkPlan, $"{at}.workPlan", l["PlanWorkPlan"], null, ProjectPlanLimits.Text);
                Each(partner.Indicators, $"{at}.indicators", "PlanIndicators", (row, rowAt, label) =>
                {
                    Text(row.Name, $"{rowAt}.name", label, l["PlanIndicator"], ProjectPlanLimits.Short, required: true);
                    Text(row.Target, $"{rowAt}.target", label, l["PlanIndicatorTarget"], ProjectPlanLimits.Short);
                });
                Budget(partner.Budget, $"{at}.budget", l["PartnerBudget"]);
            }

            if (partners.Where(x => x.OrganisationId is not null).GroupBy(x => x.OrganisationId).Any(g => g.Count() > 1))
            {
                context.AddFailure(new ValidationFailure("partners", l["PlanPartnerTwice"]));
            }
        }

        private void Budget(List<BudgetLineInput>? lines, string prefix, string table)
        {
            var rows = lines ?? [];
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].IsBlank)
                {
                    continue;
                }

                var label = string.Format(CultureInfo.CurrentCulture, l["PlanRowOf"], table, i + 1);
                Text(rows[i].Category, $"{prefix}[{i}].category", label, l["CostCategory"], 200, required: true);
                Text(rows[i].Description, $"{prefix}[{i}].description", label, l["CostDescription"], 1000);
                Amount(rows[i].Amount, $"{prefix}[{i}].amount", label);
            }
        }

        private void Each<T>(List<T>? rows, string prefix, string tableLabel, Action<T, string, string> check)
            where T : class
        {
            var list = rows ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (IsBlank(list[i]))
                {
                    continue;
                }

                check(list[i], $"{prefix}[{i}]", string.Format(CultureInfo.CurrentCulture, l["PlanRowOf"], l[tableLabel], i + 1));
            }
        }

        private static bool IsBlank(object row) => row switch
        {
            SignatoryInput s => s.IsBlank,
            AnswerInput a => a.IsBlank,
            GrantShareInput g => g.IsBlank,
            FinancingLineInput f => f.IsBlank,
            IndicatorInput i => i.IsBlank,
            _ => false,
        };

        private void Text(string? value, string field, string where, string? what, int max, bool required = false)
        {
            var name = what is null ? where : $"{where}: {what}";
            if (required && string.IsNullOrWhiteSpace(value))
            {
                context.AddFailure(new ValidationFailure(field, string.Format(CultureInfo.CurrentCulture, shared["Required"], name)));
            }
            else if (value?.Length > max)
            {
                context.AddFailure(new ValidationFailure(field, string.Format(CultureInfo.CurrentCulture, shared["TooLong"], name, max)));
            }
        }

        private void Amount(decimal? value, string field, string where)
        {
            var name = $"{where}: {l["Amount"]}";
            if (value is null)
            {
                context.AddFailure(new ValidationFailure(field, string.Format(CultureInfo.CurrentCulture, shared["Required"], name)));
            }
            else if (value < 0)
            {
                context.AddFailure(new ValidationFailure(field, $"{name}: {l["AmountNegative"]}"));
            }
            else if (value >= 1_000_000_000_000m)
            {
                context.AddFailure(new ValidationFailure(field, $"{name}: {l["AmountTooLarge"]}"));
            }
        }

        private void Fail(string field, string where, string message)
            => context.AddFailure(new ValidationFailure(field, $"{where}: {message}"));
    }
}
