using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Coordination.Membership.Resources;

namespace Coordination.Membership.Features.ViewNetwork;

internal sealed record PhaseInput(string? Phase, string? Note);

internal sealed record ThemeInput(LocalizedTextInput? Name);

internal sealed record RulesInput(string? Text);

internal sealed record AcceptanceInput(Guid? OrganisationId, string? AcceptedBy, DateOnly? AcceptedOn);

/// <summary>A network's phase (with history), themes, versioned rules and each organisation's
/// acceptance of the current rules. Coordinators only; the forms live on the network page.</summary>
internal sealed class NetworkSettingsEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/networks/{id:guid}").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapPost("/phase", (Guid id, IFormCollection form, NetworkSettings settings, MembershipDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            PageResultAsync(id, settings.ChangePhaseAsync(id, new PhaseInput(form.Text("phase"), form.Text("note")), user.UserId(), ct), db, clock, ct));
        pages.MapPost("/themes", (Guid id, IFormCollection form, NetworkSettings settings, MembershipDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            PageResultAsync(id, settings.AddThemeAsync(id, new ThemeInput(form.LocalizedText("theme")), user.UserId(), ct), db, clock, ct));
        pages.MapPost("/themes/{themeId:guid}/delete", (Guid id, Guid themeId, IFormCollection form, NetworkSettings settings, MembershipDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            PageResultAsync(id, settings.RemoveThemeAsync(id, themeId, user.UserId(), ct), db, clock, ct));
        pages.MapPost("/rules", (Guid id, IFormCollection form, NetworkSettings settings, MembershipDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            PageResultAsync(id, settings.PublishRulesAsync(id, new RulesInput(form.Text("text")), user.UserId(), ct), db, clock, ct));
        pages.MapPost("/rules/acceptances", (Guid id, IFormCollection form, NetworkSettings settings, MembershipDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
        {
            var format = new FormErrors();
            var input = new AcceptanceInput(form.Id("organisationId"), form.Text("acceptedBy"), form.Date("acceptedOn", format, l["DateInvalid"]));
            return PageResultAsync(id, format.IsEmpty ? settings.AcceptRulesAsync(id, input, user.UserId(), ct) : Task.FromResult<SettingResult>(new(SettingOutcome.Invalid, null, format)), db, clock, ct);
        });

        var api = app.MapGroup("/api/v1/membership/networks/{id:guid}").RequireAuthorization(Policies.Coordinator).WithTags("Membership");
        api.MapPut("/phase", (Guid id, PhaseInput input, NetworkSettings settings, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                ApiResultAsync(settings.ChangePhaseAsync(id, input, user.UserId(), ct), shared, created: false))
            .WithSummary("Moves the network to a phase: forming, active, onHold or closed (kept in its history)");
        api.MapPost("/themes", (Guid id, ThemeInput input, NetworkSettings settings, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                ApiResultAsync(settings.AddThemeAsync(id, input, user.UserId(), ct), shared, created: true))
            .WithSummary("Adds a theme (fi required, sv/en optional)");
        api.MapDelete("/themes/{themeId:guid}", (Guid id, Guid themeId, NetworkSettings settings, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                ApiResultAsync(settings.RemoveThemeAsync(id, themeId, user.UserId(), ct), shared, created: false))
            .WithSummary("Removes a theme");
        api.MapPost("/rules", (Guid id, RulesInput input, NetworkSettings settings, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                ApiResultAsync(settings.PublishRulesAsync(id, input, user.UserId(), ct), shared, created: true))
            .WithSummary("Publishes a new version of the network's rules (Markdown); acceptances start anew");
        api.MapPost("/rules/current/acceptances", Task<IResult> (Guid id, AcceptanceInput input, NetworkSettings settings, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                ApiResultAsync(settings.AcceptRulesAsync(id, input, user.UserId(), ct), shared, created: true))
            .WithSummary("Records that an organisation of the network accepted the current rules: who, when");
    }

    private static async Task<IResult> PageResultAsync(Guid id, Task<SettingResult> action, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await action;
        if (result.Outcome == SettingOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (result.Outcome == SettingOutcome.Saved)
        {
            return TypedResults.Redirect($"/membership/networks/{id}?saved=1");
        }

        var model = await ViewNetworkEndpoints.LoadPageAsync(db, id, null, result.Errors, clock.GetUtcNow().UtcDateTime, ct);
        return new RazorComponentResult<NetworkPage>(new { Model = model }) { StatusCode = StatusCodes.Status400BadRequest };
    }

    private static async Task<IResult> ApiResultAsync(Task<SettingResult> action, IStringLocalizer<SharedStrings> shared, bool created)
    {
        var result = await action;
        return result.Outcome switch
        {
            SettingOutcome.NotFound => ApiResults.NotFound(),
            SettingOutcome.Invalid => ApiResults.Invalid(result.Errors, shared),
            _ when created && result.Id is { } newId => TypedResults.Created((string?)null, new Created(newId)),
            _ => TypedResults.NoContent(),
        };
    }
}
