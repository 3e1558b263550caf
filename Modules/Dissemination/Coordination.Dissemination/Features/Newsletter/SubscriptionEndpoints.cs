using Carter;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>Subscribing to the newsletter (form and API, rate limited), confirming from the
/// e-mailed link (a button, since mail scanners open links), unsubscribing (the link in every
/// newsletter; its POST also serves RFC 8058 one-click unsubscribe, so it takes no antiforgery
/// token), and the coordinators' subscriber list.</summary>
internal sealed class SubscriptionEndpoints : ICarterModule
{
    public sealed record TokenInput(string? Token);

    public sealed record SubscriberDto(string Email, string Language, string Status, DateTime CreatedAt, DateTime? ConfirmedAt);

    public sealed record SubscribersResponse(int Confirmed, int Pending, int Unsubscribed, PagedResponse<SubscriberDto> Page);

    public sealed record FormModel(SubscribeInput Input, FormErrors Errors, bool Sent);

    public sealed record LinkModel(string Action, string Token, string? Done);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/newsletter/subscribe", IResult () => new RazorComponentResult<SubscribePage>(new { Model = new FormModel(new SubscribeInput(null, SupportedCultures.CurrentLanguage == "sv" ? "sv" : "fi"), FormErrors.None, false) }))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost("/newsletter/subscribe", async Task<IResult> (IFormCollection form, Subscriptions subscriptions, IConfiguration configuration, CancellationToken ct) =>
            {
                var input = new SubscribeInput(form.Text("email"), form.Text("language"));
                var errors = await subscriptions.SubscribeAsync(input, PublicUrl.Base(configuration), ct);
                return new RazorComponentResult<SubscribePage>(new { Model = new FormModel(input, errors, errors.IsEmpty) }) { StatusCode = errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest };
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();
        foreach (var action in new[] { "confirm", "unsubscribe" })
        {
            app.MapGet($"/newsletter/{action}/{{token}}", IResult (string token) => new RazorComponentResult<SubscriptionLinkPage>(new { Model = new LinkModel(action, token, null) }))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        app.MapPost("/newsletter/confirm/{token}", async Task<IResult> (string token, IFormCollection form, Subscriptions subscriptions, CancellationToken ct) =>
            {
                var done = await subscriptions.ConfirmAsync(token, ct);
                return new RazorComponentResult<SubscriptionLinkPage>(new { Model = new LinkModel("confirm", token, done ? "done" : "unknown") }) { StatusCode = done ? StatusCodes.Status200OK : StatusCodes.Status404NotFound };
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();
        app.MapPost("/newsletter/unsubscribe/{token}", async Task<IResult> (string token, Subscriptions subscriptions, CancellationToken ct) =>
            {
                var done = await subscriptions.UnsubscribeAsync(token, ct);
                return new RazorComponentResult<SubscriptionLinkPage>(new { Model = new LinkModel("unsubscribe", token, done ? "done" : "unknown") }) { StatusCode = done ? StatusCodes.Status200OK : StatusCodes.Status404NotFound };
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/dissemination/newsletter").WithTags("Dissemination");
        api.MapPost("/subscriptions", async Task<IResult> (SubscribeInput input, Subscriptions subscriptions, IConfiguration configuration, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await subscriptions.SubscribeAsync(input, PublicUrl.Base(configuration), ct) is { IsEmpty: false } errors ? ApiResults.Invalid(errors, shared) : TypedResults.Accepted((string?)null))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithSummary("Subscribes { email, language: fi|sv }: 202 and a confirmation link by e-mail (the same answer when already subscribed)");
        api.MapPost("/subscriptions/confirm", async Task<Results<NoContent, ProblemHttpResult>> (TokenInput input, Subscriptions subscriptions, CancellationToken ct) =>
                await subscriptions.ConfirmAsync(input.Token ?? "", ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithSummary("Confirms a subscription with the token of the e-mailed link (valid a week)");
        api.MapPost("/subscriptions/unsubscribe", async Task<Results<NoContent, ProblemHttpResult>> (TokenInput input, Subscriptions subscriptions, CancellationToken ct) =>
                await subscriptions.UnsubscribeAsync(input.Token ?? "", ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithSummary("Unsubscribes with the token of the unsubscribe link");
        api.MapGet("/subscribers", async Task<Ok<SubscribersResponse>> (string? status, int? page, int? pageSize, DisseminationDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize, 100);
                var counts = await db.Subscribers.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                var query = db.Subscribers.AsNoTracking();
                if (EnumText.TryParse<SubscriberStatus>(status, out var wanted))
                {
                    query = query.Where(s => s.Status == wanted);
                }

                var items = await query.OrderBy(s => s.Email).Skip(paging.Skip).Take(paging.PageSize)
                    .ProjectToType<SubscriberDto>(DisseminationMappings.Config).ToListAsync(ct);
                int Count(SubscriberStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
                return TypedResults.Ok(new SubscribersResponse(Count(SubscriberStatus.Confirmed), Count(SubscriberStatus.Pending), Count(SubscriberStatus.Unsubscribed),
                    new PagedResponse<SubscriberDto>([.. items.Select(i => i with { Status = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(i.Status) })], paging.Page, paging.PageSize, await query.CountAsync(ct))));
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Newsletter subscribers (coordinators): counts by status and a page of them");
    }
}
