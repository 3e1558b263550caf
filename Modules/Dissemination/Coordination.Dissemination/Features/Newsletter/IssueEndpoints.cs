using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Newsletter;

internal sealed record IssueInput(LocalizedTextInput? Subject, LocalizedTextInput? Editorial = null, bool IncludeModels = true, bool IncludePosts = true, bool IncludeNetworkMembers = false, bool IncludeEvents = true, bool IncludeSurveys = true)
{
    public static IssueInput From(IFormCollection form) => new(
        form.LocalizedText("subject"), form.LocalizedText("editorial"), form.Text("includeModels") == "true", form.Text("includePosts") == "true", form.Text("includeNetworkMembers") == "true",
        form.Text("includeEvents") == "true", form.Text("includeSurveys") == "true");

    public static IssueInput From(NewsletterIssue i) => new(LocalizedTextInput.From(i.Subject), LocalizedTextInput.From(i.Editorial), i.IncludeModels, i.IncludePosts, i.IncludeNetworkMembers, i.IncludeEvents, i.IncludeSurveys);
}

/// <summary>Composing issues (coordinators): the editorial text and the blocks, a preview per
/// language, progress and failed addresses. Sending is in <see cref="SendIssueEndpoints"/>, the
/// template in <see cref="NewsletterTemplateEndpoints"/>, the public archive in
/// <see cref="NewsletterArchiveEndpoints"/>.</summary>
internal sealed class IssueEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record Progress(Guid Id, string Status, DateTime? ScheduledAt, DateTime? StartedAt, DateTime? FinishedAt, int Total, int Sent, int Failed);

    public sealed record FailedDelivery(string Email, string? Error);

    public sealed record ManageModel(List<(NewsletterIssue Issue, int Sent, int Total)> Issues, int Confirmed, int Pending);

    public sealed record FormModel(Guid? Id, IssueInput Input, FormErrors Errors);

    public sealed record IssueModel(NewsletterIssue Issue, Counts Counts, List<FailedDelivery> Failed, FormErrors Errors, string? Notice);

    /// <summary>An issue's delivery counts, from its delivery log.</summary>
    public sealed record Counts(int Total, int Sent, int Failed)
    {
        public static async Task<Counts> OfAsync(DisseminationDbContext db, Guid issueId, CancellationToken ct)
        {
            var byStatus = await db.Deliveries.Where(d => d.IssueId == issueId).GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            int Of(DeliveryStatus status) => byStatus.FirstOrDefault(x => x.Key == status)?.Count ?? 0;
            return new Counts(byStatus.Sum(x => x.Count), Of(DeliveryStatus.Sent), Of(DeliveryStatus.Failed));
        }
    }

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/newsletter/manage").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (DisseminationDbContext db, CancellationToken ct) => new RazorComponentResult<NewsletterManagePage>(new
        {
            Model = new ManageModel(
                [.. (await db.Issues.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(100)
                    .Select(i => new { Issue = i, Sent = db.Deliveries.Count(d => d.IssueId == i.Id && d.Status == DeliveryStatus.Sent), Total = db.Deliveries.Count(d => d.IssueId == i.Id) })
                    .ToListAsync(ct)).Select(x => (x.Issue, x.Sent, x.Total))],
                await db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed, ct),
                await db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Pending, ct)),
        }));
        pages.MapGet("/new", IResult () => new RazorComponentResult<IssueFormPage>(new { Model = new FormModel(null, new IssueInput(null), FormErrors.None) }));
        pages.MapPost("/new", async Task<IResult> (IFormCollection form, DisseminationDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
        {
            var input = IssueInput.From(form);
            var (id, errors) = await CreateAsync(db, input, clock, user, shared, l, ct);
            return id is { } created ? TypedResults.Redirect($"/newsletter/manage/{created}")
                : new RazorComponentResult<IssueFormPage>(new { Model = new FormModel(null, input, errors) }) { StatusCode = StatusCodes.Status400BadRequest };
        });
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, DisseminationDbContext db, CancellationToken ct) =>
            await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } issue
                ? new RazorComponentResult<IssueFormPage>(new { Model = new FormModel(id, IssueInput.From(issue), FormErrors.None) })
                : TypedResults.NotFound());
        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, DisseminationDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
        {
            var input = IssueInput.From(form);
            var (found, errors) = await UpdateAsync(db, id, input, clock, user, shared, l, ct);
            return !found ? TypedResults.NotFound() : errors.IsEmpty ? TypedResults.Redirect($"/newsletter/manage/{id}?saved=updated")
                : new RazorComponentResult<IssueFormPage>(new { Model = new FormModel(id, input, errors) }) { StatusCode = StatusCodes.Status400BadRequest };
        });
        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, DisseminationDbContext db, CancellationToken ct) =>
            await PageAsync(db, id, saved, FormErrors.None, ct) ?? TypedResults.NotFound());
        pages.MapGet("/{id:guid}/preview", async Task<IResult> (Guid id, string? language, DisseminationDbContext db, NewsletterRenderer renderer, IConfiguration configuration, HttpResponse response, CancellationToken ct) =>
        {
            var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (issue is null)
            {
                return TypedResults.NotFound();
            }

            var lang = language == "sv" ? "sv" : "fi";
            var html = issue.Status is IssueStatus.Sending or IssueStatus.Sent ? (lang == "sv" ? issue.HtmlSv : issue.HtmlFi)
                : (await renderer.RenderAsync(issue, lang, PublicUrl.Base(configuration), null, ct)) switch
                {
                    ({ } rendered, _) => rendered.Html,
                    (_, var error) => $"<p>{System.Net.WebUtility.HtmlEncode(error?.Message)}</p>",
                };
            return Framed(response, html ?? "");
        });

        var api = app.MapGroup("/api/v1/dissemination/newsletter").RequireAuthorization(Policies.Coordinator).WithTags("Dissemination");
        api.MapPost("/issues", async Task<IResult> (IssueInput input, DisseminationDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
                await CreateAsync(db, input, clock, user, shared, l, ct) switch
                {
                    ({ } id, _) => TypedResults.Created($"/api/v1/dissemination/newsletter/issues/{id}", new Created(id)),
                    (_, var errors) => ApiResults.Invalid(errors, shared),
                })
            .WithSummary("Composes an issue: subject and editorial (Markdown) in fi/sv, blocks of new models and posts, network members as extra recipients");
        api.MapPut("/issues/{id:guid}", async Task<IResult> (Guid id, IssueInput input, DisseminationDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
                await UpdateAsync(db, id, input, clock, user, shared, l, ct) switch
                {
                    (false, _) => ApiResults.NotFound(),
                    (_, { IsEmpty: true }) => TypedResults.NoContent(),
                    (_, var errors) when errors.All.ContainsKey("status") => ApiResults.Conflict(errors.All["status"][0]),
                    (_, var errors) => ApiResults.Invalid(errors, shared),
                })
            .WithSummary("Edits an issue that has not started sending");
        api.MapGet("/issues/{id:guid}", async Task<Results<Ok<Progress>, ProblemHttpResult>> (Guid id, DisseminationDbContext db, CancellationToken ct) =>
                await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } i && await Counts.OfAsync(db, id, ct) is var c
                    ? TypedResults.Ok(new Progress(i.Id, EnumText.Of(i.Status), i.ScheduledAt, i.StartedAt, i.FinishedAt, c.Total, c.Sent, c.Failed))
                    : ApiResults.NotFound())
            .WithSummary("An issue's state and sending progress (sent / total, failed)");
        api.MapGet("/issues/{id:guid}/failed", async (Guid id, DisseminationDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Deliveries.AsNoTracking().Where(d => d.IssueId == id && d.Status == DeliveryStatus.Failed).OrderBy(d => d.Email).Select(d => new FailedDelivery(d.Email, d.Error)).ToListAsync(ct)))
            .WithSummary("The addresses the server refused, with its answer");

    }

    /// <summary>The newsletter HTML for an iframe of our own pages: no scripts, no forms (CSP sandbox).</summary>
    internal static IResult Framed(HttpResponse response, string html)
    {
        response.OnStarting(() =>
        {
            response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";
            response.Headers.XFrameOptions = "SAMEORIGIN";
            return Task.CompletedTask;
        });
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static FormErrors Validate(IssueInput input, IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(input.Subject?.Fi))
        {
            errors.Add("subject.fi", string.Format(CultureInfo.CurrentCulture, shared["Required"], l["IssueSubject"]));
        }

        foreach (var (name, value, max) in new[] { ("subject.fi", input.Subject?.Fi, 200), ("subject.sv", input.Subject?.Sv, 200), ("subject.en", input.Subject?.En, 200), ("editorial.fi", input.Editorial?.Fi, 8000), ("editorial.sv", input.Editorial?.Sv, 8000), ("editorial.en", input.Editorial?.En, 8000) })
        {
            if ((value?.Length ?? 0) > max)
            {
                errors.Add(name, shared.Plural("TooLong", max, l["IssueSubject"]));
            }
        }

        return errors;
    }

    private static async Task<(Guid? Id, FormErrors Errors)> CreateAsync(DisseminationDbContext db, IssueInput input, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l, CancellationToken ct)
    {
        var errors = Validate(input, shared, l);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var issue = new NewsletterIssue { Id = Guid.CreateVersion7(), Status = IssueStatus.Draft, CreatedAt = now };
        Apply(issue, input, now);
        db.Issues.Add(issue);
        db.Audit(user.UserId(), "CreateNewsletterIssue", nameof(NewsletterIssue), issue.Id.ToString(), issue.Subject.Fi, now);
        await db.SaveChangesAsync(ct);
        return (issue.Id, errors);
    }

    private static async Task<(bool Found, FormErrors Errors)> UpdateAsync(DisseminationDbContext db, Guid id, IssueInput input, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l, CancellationToken ct)
    {
        var issue = await db.Issues.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return (false, FormErrors.None);
        }

        var errors = Validate(input, shared, l);
        if (issue.Status is IssueStatus.Sending or IssueStatus.Sent)
        {
            errors.Add("status", l["IssueAlreadySent"]);
        }

        if (!errors.IsEmpty)
        {
            return (true, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Apply(issue, input, now);
        db.Audit(user.UserId(), "EditNewsletterIssue", nameof(NewsletterIssue), issue.Id.ToString(), issue.Subject.Fi, now);
        await db.SaveChangesAsync(ct);
        return (true, errors);
    }

    internal static async Task<IResult?> PageAsync(DisseminationDbContext db, Guid id, string? notice, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return null;
        }

        var failed = await db.Deliveries.AsNoTracking().Where(d => d.IssueId == id && d.Status == DeliveryStatus.Failed).OrderBy(d => d.Email).Take(200).Select(d => new FailedDelivery(d.Email, d.Error)).ToListAsync(ct);
        return new RazorComponentResult<IssuePage>(new { Model = new IssueModel(issue, await Counts.OfAsync(db, id, ct), failed, errors, notice) }) { StatusCode = status };
    }

    private static void Apply(NewsletterIssue issue, IssueInput input, DateTime now)
    {
        issue.Subject = input.Subject!.ToText();
        issue.Editorial = (input.Editorial ?? new LocalizedTextInput(null, null, null)).ToText();
        issue.IncludeModels = input.IncludeModels;
        issue.IncludePosts = input.IncludePosts;
        issue.IncludeEvents = input.IncludeEvents;
        issue.IncludeSurveys = input.IncludeSurveys;
        issue.IncludeNetworkMembers = input.IncludeNetworkMembers;
        issue.UpdatedAt = now;
    }
}
