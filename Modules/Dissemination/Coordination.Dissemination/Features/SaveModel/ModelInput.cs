using System.Globalization;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.SaveModel;

internal sealed record LinkInput(string? Title, string? Url);

/// <summary>A model card as entered. Version is the one the editor started from (optimistic
/// concurrency); projectId may be left out by coordinators for the network's own models.</summary>
internal sealed record ModelInput(
    Guid? NetworkId,
    Guid? ProjectId,
    LocalizedTextInput? Title,
    LocalizedTextInput? Summary,
    LocalizedTextInput? Challenge,
    LocalizedTextInput? Method,
    LocalizedTextInput? Result,
    LocalizedTextInput? TargetGroup = null,
    LocalizedTextInput? ResourcesNeeded = null,
    List<string>? Themes = null,
    string? ContactName = null,
    string? ContactEmail = null,
    List<LinkInput>? Links = null,
    int? Version = null)
{
    public static ModelInput From(IFormCollection form) => new(
        form.Id("networkId"), form.Id("projectId"), form.LocalizedText("title"), form.LocalizedText("summary"), form.LocalizedText("challenge"),
        form.LocalizedText("method"), form.LocalizedText("result"), form.LocalizedText("targetGroup"), form.LocalizedText("resourcesNeeded"),
        form.Lines("themes"), form.Text("contactName"), form.Text("contactEmail"),
        [.. form.Lines("links").Select(l => l.Split('|', 2)).Select(p => p.Length == 2 ? new LinkInput(p[0].Trim(), p[1].Trim()) : new LinkInput(null, p[0].Trim()))],
        form.Number("version"));

    // Hand-written: LocalizedText becomes the form's per-language fields.
    public static ModelInput From(Model m) => new(
        m.NetworkId, m.ProjectId, LocalizedTextInput.From(m.Title), LocalizedTextInput.From(m.Summary), LocalizedTextInput.From(m.Challenge),
        LocalizedTextInput.From(m.Method), LocalizedTextInput.From(m.Result), LocalizedTextInput.From(m.TargetGroup), LocalizedTextInput.From(m.ResourcesNeeded),
        m.Themes, m.ContactName, m.ContactEmail, [.. m.Links.Select(l => l.Adapt<LinkInput>(DisseminationMappings.Config))], m.Version);
}

internal sealed class ModelInputValidator : AbstractValidator<ModelInput>
{
    public ModelInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l)
    {
        RuleFor(x => x.NetworkId).NotNull().WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["Required"], l["Network"]));
        RuleFor(x => x.Title).LocalizedText(shared, l["ModelTitle"], required: true, 200);
        RuleFor(x => x.Summary).LocalizedText(shared, l["Summary"], required: true, 1000);
        RuleFor(x => x.Challenge).LocalizedText(shared, l["Challenge"], required: true, 8000);
        RuleFor(x => x.Method).LocalizedText(shared, l["Method"], required: true, 8000);
        RuleFor(x => x.Result).LocalizedText(shared, l["Result"], required: true, 8000);
        RuleFor(x => x.TargetGroup).LocalizedText(shared, l["TargetGroup"], required: false, 300);
        RuleFor(x => x.ResourcesNeeded).LocalizedText(shared, l["ResourcesNeeded"], required: false, 2000);
        RuleFor(x => x.Themes).Must(t => t is null || (t.Count <= 20 && t.All(x => x.Trim().Length is > 0 and <= 100))).WithMessage(_ => l["ThemesInvalid"]);
        RuleFor(x => x.ContactName).MaximumLength(200).WithMessage(_ => shared.Plural("TooLong", 200, l["ContactName"]));
        RuleFor(x => x.ContactEmail).EmailAddress().MaximumLength(254).When(x => !string.IsNullOrWhiteSpace(x.ContactEmail)).WithMessage(_ => l["ContactEmailInvalid"]);
        RuleForEach(x => x.Links).Must(link => Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && (link.Url?.Length ?? 0) <= 1000 && (link.Title?.Length ?? 0) <= 200)
            .WithMessage(_ => l["LinkInvalid"]);
        RuleFor(x => x.Links).Must(l => l is null || l.Count <= 30).WithMessage(_ => l["TooManyLinks"]);
    }
}
