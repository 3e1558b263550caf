using Coordination.Shared.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coordination.Shared.Web;

/// <summary>Validation of a fi/sv/en text: Finnish required (when asked), each at most N characters.</summary>
public static class LocalizedTextRules
{
    public static void LocalizedText<T>(
        this IRuleBuilderInitial<T, LocalizedTextInput?> rule,
        IStringLocalizer<SharedStrings> l,
        string label,
        bool required,
        int maxLength)
    {
        if (required)
        {
            rule.NotNull().WithMessage(_ => string.Format(l["Required"], label));
        }

        rule.ChildRules(text =>
        {
            if (required)
            {
                text.RuleFor(x => x!.Fi).NotEmpty().WithMessage(_ => string.Format(l["Required"], label + " (" + l["InFinnish"].Value.ToLowerInvariant() + ")"));
            }

            text.RuleFor(x => x!.Fi).MaximumLength(maxLength).WithMessage(_ => l.Plural("TooLong", maxLength, label));
            text.RuleFor(x => x!.Sv).MaximumLength(maxLength).WithMessage(_ => l.Plural("TooLong", maxLength, label));
            text.RuleFor(x => x!.En).MaximumLength(maxLength).WithMessage(_ => l.Plural("TooLong", maxLength, label));
        });
    }
}
