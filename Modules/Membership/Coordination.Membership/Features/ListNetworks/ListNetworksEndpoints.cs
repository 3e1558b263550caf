using Carter;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.ListNetworks;

/// <summary>The networks: a searchable, sortable, paged list for members, and GET /api/v1/membership/networks.</summary>
internal sealed class ListNetworksEndpoints : ICarterModule
{
    public sealed record ListModel(List<Network> Items, int Total, Paging Paging, string Query, string Sort);

    public sealed record NetworkSummary(Guid Id, LocalizedTextInput Name, DateTime CreatedAt, DateTime UpdatedAt);

    public static IReadOnlyList<string> Sorts { get; } = ["name", "-name", "created", "-created"];

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/membership/networks", async Task<IResult> (string? q, string? sort, int? page, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 20);
                var (items, total) = await QueryAsync(db, q, sort, paging, ct);
                return new RazorComponentResult<NetworkListPage>(new { Model = new ListModel(items, total, paging, q ?? "", NormalizeSort(sort)) });
            })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();

        app.MapGet("/api/v1/membership/networks", async Task<Ok<PagedResponse<NetworkSummary>>> (string? q, string? sort, int? page, int? pageSize, MembershipDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var (items, total) = await QueryAsync(db, q, sort, paging, ct);
                return TypedResults.Ok(new PagedResponse<NetworkSummary>(
                    [.. items.Select(n => new NetworkSummary(n.Id, LocalizedTextInput.From(n.Name), n.CreatedAt, n.UpdatedAt))], paging.Page, paging.PageSize, total));
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Membership")
            .WithSummary("Lists networks; q searches the names in every language; sort is name, -name, created or -created");
    }

    public static string NormalizeSort(string? sort) => sort is not null && Sorts.Contains(sort) ? sort : "name";

    private static async Task<(List<Network> Items, int Total)> QueryAsync(MembershipDbContext db, string? q, string? sort, Paging paging, CancellationToken ct)
    {
        var query = db.Networks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(n => n.Name.Fi.ToLower().Contains(term)
                || (n.Name.Sv != null && n.Name.Sv.ToLower().Contains(term))
                || (n.Name.En != null && n.Name.En.ToLower().Contains(term)));
        }

        query = NormalizeSort(sort) switch
        {
            "-name" => query.OrderByDescending(n => n.NormalizedName),
            "created" => query.OrderBy(n => n.CreatedAt),
            "-created" => query.OrderByDescending(n => n.CreatedAt),
            _ => query.OrderBy(n => n.NormalizedName),
        };
        var total = await query.CountAsync(ct);
        var items = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return (items, total);
    }
}
