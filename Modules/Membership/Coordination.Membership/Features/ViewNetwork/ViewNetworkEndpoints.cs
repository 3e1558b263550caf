using Carter;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.ViewNetwork;

/// <summary>One network: its page and GET /api/v1/membership/networks/{id}.</summary>
internal sealed class ViewNetworkEndpoints : ICarterModule
{
    public sealed record PageModel(Network Network, string? Saved);

    public sealed record NetworkDetails(Guid Id, LocalizedTextInput Name, LocalizedTextInput Description, DateTime CreatedAt, DateTime UpdatedAt, int Version);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/membership/networks/{id:guid}", async Task<IResult> (Guid id, string? saved, MembershipDbContext db, CancellationToken ct) =>
                await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) is { } network
                    ? new RazorComponentResult<NetworkPage>(new { Model = new PageModel(network, saved) })
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();

        app.MapGet("/api/v1/membership/networks/{id:guid}", async Task<Results<Ok<NetworkDetails>, ProblemHttpResult>> (Guid id, MembershipDbContext db, CancellationToken ct) =>
                await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) is { } n
                    ? TypedResults.Ok(new NetworkDetails(n.Id, LocalizedTextInput.From(n.Name), LocalizedTextInput.From(n.Description), n.CreatedAt, n.UpdatedAt, n.Version))
                    : ApiResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Membership")
            .WithSummary("Reads a network");
    }
}
