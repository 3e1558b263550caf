using System.Globalization;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Features.SaveEvent;

internal sealed record MaterialInput(string? Title, string? Url);

/// <summary>A recurring series: every <paramref name="EveryWeeks"/> weeks, <paramref name="Count"/> times.</summary>
internal sealed record RepeatInput(int? EveryWeeks, int? Count);

/// <summary>An event as entered. Times are ISO 8601 with an offset, or Helsinki wall-clock time
/// without one. Type: networkMeeting, developmentDay, projectManagerDay, disseminationSeminar,
/// webinar, workshop, roundTable, steeringGroup; audience: public, network, projectManagers,
/// steeringGroup. ProjectId: a project of the network (optional); a steering-group event of a
/// project is also for that project's steering group.</summary>
internal sealed record EventInput(
    Guid? NetworkId,
    string? Type,
    LocalizedTextInput? Title,
    string? StartsAt,
    string? EndsAt,
    string? Audience,
    LocalizedTextInput? Description = null,
    string? Place = null,
    string? OnlineLink = null,
    int? Capacity = null,
    string? RegistrationOpensAt = null,
    string? RegistrationClosesAt = null,
    string? Organiser = null,
    List<string>? Themes = null,
    List<MaterialInput>? Materials = null,
    RepeatInput? Repeat = null,
    bool? FeedbackSurvey = null,
    Guid? ProjectId = null)
{
    public static EventInput From(IFormCollection form)
        => new(
            form.Id("networkId"), form.Text("type"), form.LocalizedText("title"), form.Text("startsAt"), form.Text("endsAt"), form.Text("audience"),
            form.LocalizedText("description"), form.Text("place"), form.Text("onlineLink"), form.Number("capacity"),
            form.Text("registrationOpensAt"), form.Text("registrationClosesAt"), form.Text("organiser"),
            form.Lines("themes"),
            [.. form.Lines("materials").Select(l => l.Split('|', 2)).Select(p => p.Length == 2 ? new MaterialInput(p[0].Trim(), p[1].Trim()) : new MaterialInput(null, p[0].Trim()))],
            form.Number("repeat.everyWeeks") is { } weeks ? new RepeatInput(weeks, form.Number("repeat.count")) : null,
            form.Text("feedbackSurvey") == "true",
            form.Id("projectId"));

    // Hand-written: times are shown as Helsinki wall-clock input and enums as the form's text.
    public static EventInput From(Event e) => new(
        e.NetworkId, EnumText.Of(e.Type), LocalizedTextInput.From(e.Title), HelsinkiTime.LocalInput(e.StartsAt), HelsinkiTime.LocalInput(e.EndsAt),
        EnumText.Of(e.Audience), LocalizedTextInput.From(e.Description), e.Place, e.OnlineLink, e.Capacity,
        e.RegistrationOpensAt is { } o ? HelsinkiTime.LocalInput(o) : null, e.RegistrationClosesAt is { } c ? HelsinkiTime.LocalInput(c) : null,
        e.Organiser, e.Themes, [.. e.Materials.Select(m => m.Adapt<MaterialInput>(EventsMappings.Config))], FeedbackSurvey: e.FeedbackSurvey, ProjectId: e.ProjectId);

    public DateTime? Start => HelsinkiTime.TryParse(StartsAt, out var t) ? t : null;

    public DateTime? End => HelsinkiTime.TryParse(EndsAt, out var t) ? t : null;

    public DateTime? Opens => HelsinkiTime.TryParse(RegistrationOpensAt, out var t) ? t : null;

    public DateTime? Closes => HelsinkiTime.TryParse(RegistrationClosesAt, out var t) ? t : null;
}

internal sealed class EventInputValidator : AbstractValidator<EventInput>
{
    public const int MaxOccurrences = 52;

    public EventInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<EventsStrings> l)
    {
        RuleFor(x => x.NetworkId).NotNull().WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["Required"], l["Network"]));
        RuleFor(x => x.Type).Must(EnumText.IsValid<EventType>).WithMessage(_ => l["TypeInvalid"]);
        RuleFor(x => x.Audience).Must(EnumText.IsValid<EventAudience>).WithMessage(_ => l["AudienceInvalid"]);
        RuleFor(x => x.Title).LocalizedText(shared, l["EventTitle"], required: true, 200);
        RuleFor(x => x.Description).LocalizedText(shared, l["Description"], required: false, 8000);
        RuleFor(x => x.StartsAt).Must(s => HelsinkiTime.TryParse(s, out _)).WithMessage(_ => l["TimeInvalid"]);
        RuleFor(x => x.EndsAt).Must(s => HelsinkiTime.TryParse(s, out _)).WithMessage(_ => l["TimeInvalid"]);
        RuleFor(x => x.EndsAt).Must((x, _) => x.End > x.Start).When(x => x.Start is not null && x.End is not null).WithMessage(_ => l["EndBeforeStart"]);
        RuleFor(x => x.RegistrationOpensAt).Must(s => s is null || HelsinkiTime.TryParse(s, out _)).WithMessage(_ => l["TimeInvalid"]);
        RuleFor(x => x.RegistrationClosesAt).Must(s => s is null || HelsinkiTime.TryParse(s, out _)).WithMessage(_ => l["TimeInvalid"]);
        RuleFor(x => x.RegistrationClosesAt).Must((x, _) => x.Closes > x.Opens).When(x => x.Opens is not null && x.Closes is not null).WithMessage(_ => l["ClosesBeforeOpens"]);
        RuleFor(x => x.Capacity).GreaterThanOrEqualTo(1).When(x => x.Capacity is not null).WithMessage(_ => l["CapacityTooSmall"]);
        RuleFor(x => x.Place).MaximumLength(300).WithMessage(_ => shared.Plural("TooLong", 300, l["Place"]));
        RuleFor(x => x.OnlineLink).Must(IsWebAddress).When(x => x.OnlineLink is not null).WithMessage(_ => l["LinkInvalid"])
            .MaximumLength(500).WithMessage(_ => shared.Plural("TooLong", 500, l["OnlineLink"]));
        RuleFor(x => x.Organiser).MaximumLength(200).WithMessage(_ => shared.Plural("TooLong", 200, l["Organiser"]));
        RuleForEach(x => x.Themes).MaximumLength(100).WithMessage(_ => shared.Plural("TooLong", 100, l["Themes"]));
        RuleForEach(x => x.Materials).ChildRules(m =>
        {
            m.RuleFor(x => x.Url).Must(IsWebAddress).WithMessage(_ => l["LinkInvalid"]);
            m.RuleFor(x => x.Title).MaximumLength(200).WithMessage(_ => shared.Plural("TooLong", 200, l["Materials"]));
        });
        RuleFor(x => x.Repeat!.EveryWeeks).InclusiveBetween(1, 8).When(x => x.Repeat is not null).WithMessage(_ => l["RepeatWeeksInvalid"]);
        RuleFor(x => x.Repeat!.Count).NotNull().InclusiveBetween(2, MaxOccurrences).When(x => x.Repeat is not null)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, l["RepeatCountInvalid"], MaxOccurrences));
    }

    /// <summary>Only http(s) links: never javascript: or data: in a page.</summary>
    public static bool IsWebAddress(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && url!.Length <= 1000;
}
