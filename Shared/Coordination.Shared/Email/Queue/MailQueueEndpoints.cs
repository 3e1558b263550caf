using System.Security.Claims;
using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Coordination.Shared.Email.Queue;

/// <summary>The mail queue for coordinators: what waits, what was sent and what failed with the
/// server's answer, per recipient and paged; a failed mail can be sent again.</summary>
public sealed class MailQueueEndpoints : ICarterModule
{
    public const int PageSize = 50;

    /// <summary>The page's query, echoed back into its filter form and links.</summary>
    public sealed record Filter(string? Status, string? Module, string? To);

    public sealed record PageModel(MailQueueList Queue, Filter Filter, IReadOnlyList<string> Modules, bool Retried, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/mail", async Task<IResult> (string? status, string? module, string? to, int? page, bool? retried, MailQueueAdministration admin, Modules.ModuleCatalog catalog, IStringLocalizer<SharedStrings> l, CancellationToken ct) =>
            {
                var errors = Parse(status, out var state, l);
                var queue = await admin.ListAsync(errors.IsEmpty ? state : null, Blank(module), Blank(to), page ?? 1, PageSize, ct);
                return new RazorComponentResult<MailQueuePage>(new
                {
                    Model = new PageModel(queue, new Filter(errors.IsEmpty ? status : null, Blank(module), Blank(to)), [.. catalog.MailDatabases.Select(d => d.Module)], retried == true, errors),
                })
                { StatusCode = errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest };
            })
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapPost("/admin/mail/{module}/{id:guid}/retry", async Task<IResult> (string module, Guid id, IFormCollection form, MailQueueAdministration admin, ClaimsPrincipal user, CancellationToken ct) =>
                await admin.RetryAsync(module, id, user.UserId(), ct)
                    ? TypedResults.Redirect("/admin/mail?status=failed&retried=true")
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/admin/mail").RequireAuthorization(Policies.Coordinator).WithTags("Administration");
        api.MapGet("/", async Task<Results<Ok<MailQueueList>, ValidationProblem>> (string? status, string? module, string? to, int? page, int? pageSize, MailQueueAdministration admin, IStringLocalizer<SharedStrings> l, CancellationToken ct) =>
                Parse(status, out var state, l) is { IsEmpty: false } errors
                    ? ApiResults.Invalid(errors, l)
                    : TypedResults.Ok(await admin.ListAsync(state, Blank(module), Blank(to), page ?? 1, pageSize ?? PageSize, ct)))
            .WithSummary("The mail queue, newest first: ?status=waiting|sent|failed, ?module=, ?to= (part of the address), ?page=, ?pageSize= (at most 200); counts of every state");
        api.MapPost("/{module}/{id:guid}/retry", async Task<Results<Accepted, ProblemHttpResult>> (string module, Guid id, MailQueueAdministration admin, ClaimsPrincipal user, IStringLocalizer<SharedStrings> l, CancellationToken ct) =>
                await admin.RetryAsync(module, id, user.UserId(), ct)
                    ? TypedResults.Accepted((string?)null)
                    : ApiResults.NotFound(l["NoSuchFailedMail"]))
            .WithSummary("Sends a failed mail again (audited): 202, or 404 when the module has no failed mail with that id");
    }

    private static FormErrors Parse(string? status, out MailStatus? state, IStringLocalizer<SharedStrings> l)
    {
        state = null;
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(status))
        {
            return errors;
        }

        if (Enum.TryParse<MailStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
        {
            state = parsed;
        }
        else
        {
            errors.Add("status", l["MailStatusInvalid"]);
        }

        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
