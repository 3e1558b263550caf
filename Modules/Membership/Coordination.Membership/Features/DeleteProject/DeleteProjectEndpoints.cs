using System.Security.Claims;
using Carter;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.DeleteProject;

/// <summary>A coordinator deletes a project: a confirmation page that says what goes with it,
/// and <c>DELETE /api/v1/membership/projects/{id}</c>.</summary>
internal sealed class DeleteProjectEndpoints : ICarterModule
{
    public sealed record PageModel(Project Project, ProjectDeleter.Consequences Consequences);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/projects/{id:guid}/delete").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (Guid id, MembershipDbContext db, ProjectDeleter deleter, CancellationToken ct) =>
                await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } project
                    ? new RazorComponentResult<DeleteProjectPage>(new { Model = new PageModel(project, await deleter.ConsequencesAsync(id, ct)) })
                    : TypedResults.NotFound());
        pages.MapPost("/", async Task<IResult> (Guid id, MembershipDbContext db, ProjectDeleter deleter, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var networkId = await db.Projects.Where(p => p.Id == id).Select(p => (Guid?)p.NetworkId).SingleOrDefaultAsync(ct);
                return networkId is { } network && await deleter.DeleteAsync(id, user.UserId(), ct)
                    ? TypedResults.Redirect($"/membership/networks/{network}?saved=projectDeleted")
                    : TypedResults.NotFound();
            });

        app.MapDelete("/api/v1/membership/projects/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ProjectDeleter deleter, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
                await deleter.DeleteAsync(id, user.UserId(), ct) ? TypedResults.NoContent() : ApiResults.NotFound(l["ProjectNotFound"]))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Membership")
            .WithSummary("Deletes a project with its plan, budget, goals, commitment letters and roles (coordinators); publishes ProjectDeleted");
    }
}
