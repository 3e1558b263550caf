using System.Security.Claims;
using Carter;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Newsletter;

internal sealed record SendInput(string? ScheduledAt);

/// <summary>Sending an issue (coordinators): a test send to oneself, and sending now or at a time
/// (the <c>newsletter-send</c> job sends it).</summary>
internal sealed class SendIssueEndpoints : ICarterModule
{
    /// <summary>The answer to "send": <c>AlreadyQueued</c> when the issue was already scheduled or sending and nothing changed.</summary>
    public sealed record SendAccepted(Guid Id, bool AlreadyQueued, string Message);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/newsletter/manage").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapPost("/{id:guid}/test", async Task<IResult> (Guid id, IFormCollection form, DisseminationDbContext db, TestSender tester, ClaimsPrincipal user, IConfiguration configuration, CancellationToken ct) =>
        {
            var (found, error) = await tester.SendAsync(id, user, PublicUrl.Base(configuration), ct);
            return !found ? TypedResults.NotFound() : error is null ? TypedResults.Redirect($"/newsletter/manage/{id}?saved=tested")
                : (await IssueEndpoints.PageAsync(db, id, null, new FormErrors(new Dictionary<string, string[]> { ["test"] = [error] }), ct, StatusCodes.Status400BadRequest))!;
        });
        pages.MapPost("/{id:guid}/send", async Task<IResult> (Guid id, IFormCollection form, DisseminationDbContext db, IBackgroundJobClient jobs, ModuleCatalog catalog, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
        {
            var (found, already, errors) = await ScheduleAsync(db, jobs, catalog, id, new SendInput(form.Text("scheduledAt")), clock, user, l, ct);
            return !found ? TypedResults.NotFound() : errors.IsEmpty ? TypedResults.Redirect($"/newsletter/manage/{id}?saved={(already ? "already" : "scheduled")}")
                : (await IssueEndpoints.PageAsync(db, id, null, errors, ct, StatusCodes.Status400BadRequest))!;
        });

        var api = app.MapGroup("/api/v1/dissemination/newsletter").RequireAuthorization(Policies.Coordinator).WithTags("Dissemination");
        api.MapPost("/issues/{id:guid}/test", async Task<IResult> (Guid id, TestSender tester, ClaimsPrincipal user, IConfiguration configuration, CancellationToken ct) =>
                await tester.SendAsync(id, user, PublicUrl.Base(configuration), ct) switch
                {
                    (false, _) => ApiResults.NotFound(),
                    (_, null) => TypedResults.NoContent(),
                    (_, var error) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [error] }),
                })
            .WithSummary("Sends the issue to the signed-in coordinator's own address, in Finnish and Swedish");
        api.MapPost("/issues/{id:guid}/send", async Task<IResult> (Guid id, SendInput? input, DisseminationDbContext db, IBackgroundJobClient jobs, ModuleCatalog catalog, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<DisseminationStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await ScheduleAsync(db, jobs, catalog, id, input ?? new SendInput(null), clock, user, l, ct) switch
                {
                    (false, _, _) => ApiResults.NotFound(),
                    (_, var already, { IsEmpty: true }) => TypedResults.Accepted($"/api/v1/dissemination/newsletter/issues/{id}", new SendAccepted(id, already, already ? l["IssueSaved_already"] : l["IssueSaved_scheduled"])),
                    (_, _, var errors) when errors.All.ContainsKey("status") => ApiResults.Conflict(errors.All["status"][0]),
                    (_, _, var errors) => ApiResults.Invalid(errors, shared),
                })
            .WithSummary("Sends the issue now, or at { scheduledAt } (Helsinki time or ISO with offset): 202, progress at GET issues/{id}; "
                + "sending now an issue already scheduled or sending changes nothing (202 with alreadyQueued true)");
    }

    /// <summary>Schedules sending now or at a time. "Now" is idempotent: on an issue that is
    /// already scheduled or sending it changes nothing and says so (<c>Already</c>), so four
    /// clicks make one send. The change of state is one conditional update, so two requests at
    /// once cannot both start it.</summary>
    private static async Task<(bool Found, bool Already, FormErrors Errors)> ScheduleAsync(DisseminationDbContext db, IBackgroundJobClient jobs, ModuleCatalog catalog, Guid id, SendInput input, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<DisseminationStrings> l, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return (false, false, FormErrors.None);
        }

        var errors = new FormErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime at = now;
        var sendNow = string.IsNullOrWhiteSpace(input.ScheduledAt);
        if (!sendNow && !HelsinkiTime.TryParse(input.ScheduledAt, out at))
        {
            errors.Add("scheduledAt", l["ScheduleInvalid"]);
            return (true, false, errors);
        }

        at = at < now ? now : at;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Sending now moves only a draft; a time given moves a draft or a scheduled issue.
        var changed = await db.Issues
            .Where(i => i.Id == id && (i.Status == IssueStatus.Draft || (!sendNow && i.Status == IssueStatus.Scheduled)))
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IssueStatus.Scheduled).SetProperty(i => i.ScheduledAt, at), ct);
        if (changed == 0)
        {
            var status = await db.Issues.Where(i => i.Id == id).Select(i => i.Status).SingleAsync(ct);
            if (sendNow && status is IssueStatus.Scheduled or IssueStatus.Sending)
            {
                return (true, true, errors);
            }

            errors.Add("status", l["IssueAlreadySent"]);
            return (true, false, errors);
        }

        db.Audit(user.UserId(), "ScheduleNewsletterIssue", nameof(NewsletterIssue), id.ToString(), HelsinkiTime.Iso(at), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (at <= now)
        {
            jobs.RunNow<SendNewslettersJob>(catalog);
        }

        return (true, false, errors);
    }
}
