using System.Globalization;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Reporting;

/// <summary>A reporting date as entered: kind interim or final, dueDate yyyy-MM-dd.</summary>
internal sealed record ReportingDateInput(string? Kind, string? DueDate, string? Note)
{
    public DateOnly Due => DateOnly.ParseExact(DueDate!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public ReportKind ReportKind => EnumText.TryParse<ReportKind>(Kind, out var kind) ? kind : ReportKind.Interim;

    public static bool IsDate(string? text) => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

/// <summary>Marks a report submitted; submittedOn (yyyy-MM-dd) is today when not given.</summary>
internal sealed record SubmittedInput(string? SubmittedOn);

internal sealed class ReportingDateInputValidator : AbstractValidator<ReportingDateInput>
{
    public ReportingDateInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MonitoringStrings> l)
    {
        RuleFor(x => x.Kind).Must(EnumText.IsValid<ReportKind>).WithMessage(_ => l["ReportKindInvalid"]);
        RuleFor(x => x.DueDate).NotEmpty().WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["Required"], l["DueDate"]));
        RuleFor(x => x.DueDate).Must(ReportingDateInput.IsDate).When(x => !string.IsNullOrWhiteSpace(x.DueDate)).WithMessage(_ => l["DateInvalid"]);
        RuleFor(x => x.Note).MaximumLength(1000).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["TooLong"], l["Note"], 1000));
    }
}
