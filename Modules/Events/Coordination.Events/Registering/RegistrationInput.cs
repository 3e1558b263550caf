using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Registering;

/// <summary>A registration as entered (by the person, or by the organiser for a walk-in).</summary>
internal sealed record RegistrationInput(string? Name, string? Email, string? Organisation = null, string? Needs = null, string? Language = null);

internal sealed class RegistrationInputValidator : AbstractValidator<RegistrationInput>
{
    public RegistrationInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<EventsStrings> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["Required"], l["Name"]))
            .MaximumLength(200).WithMessage(_ => shared.Plural("TooLong", 200, l["Name"]));
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["Required"], l["Email"]))
            .MaximumLength(254).WithMessage(_ => shared.Plural("TooLong", 254, l["Email"]))
            .EmailAddress().WithMessage(_ => l["EmailInvalid"]);
        RuleFor(x => x.Organisation).MaximumLength(300).WithMessage(_ => shared.Plural("TooLong", 300, l["Organisation"]));
        RuleFor(x => x.Needs).MaximumLength(1000).WithMessage(_ => shared.Plural("TooLong", 1000, l["Needs"]));
        RuleFor(x => x.Language).Must(x => x is null or "fi" or "sv" or "en").WithMessage(_ => l["LanguageInvalid"]);
    }
}
