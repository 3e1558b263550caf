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

namespace Coordination.Shared.Messaging.Republish;

/// <summary>The coordinators' action to fill a module that subscribed late: every other module
/// republishes its current state for it (also <c>-- republish &lt;Module&gt;</c> on the command line).</summary>
public sealed class RepublishEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/republish", IResult (Republisher republisher) =>
                new RazorComponentResult<RepublishPage>(new { Subscribers = republisher.Subscribers }))
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapPost("/admin/republish", async Task<IResult> (IFormCollection form, Republisher republisher, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var result = form.Text("module") is { } module ? await republisher.RepublishAsync(module, null, user.UserId(), ct) : null;
                return result is null
                    ? TypedResults.NotFound()
                    : new RazorComponentResult<RepublishPage>(new { Subscribers = republisher.Subscribers, Result = result });
            })
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapPost("/api/v1/admin/republish/{module}", async Task<Results<Ok<RepublishResult>, ProblemHttpResult>> (string module, string? from, Republisher republisher, ClaimsPrincipal user, IStringLocalizer<SharedStrings> l, CancellationToken ct) =>
                await republisher.RepublishAsync(module, from, user.UserId(), ct) is { } result
                    ? TypedResults.Ok(result)
                    : ApiResults.NotFound(l["NoSuchSubscriber"]))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Administration")
            .WithSummary("Fills a module's read model: the other modules (or only ?from=Module) republish their current state for it; what it already had is skipped");
    }
}
