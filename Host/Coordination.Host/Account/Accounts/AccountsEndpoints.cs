using System.Security.Claims;
using Carter;
using Coordination.Host.Identity;
using Coordination.Host.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Account.Accounts;

/// <summary>Sign-ins for coordinators: find one by address or name and end all of its sessions
/// and tokens (a lost laptop, a person who left), audited.</summary>
internal sealed class AccountsEndpoints : ICarterModule
{
    public sealed record AccountDto(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil);

    public sealed record PageModel(string Query, IReadOnlyList<AccountDto> Items, int Total, Paging Paging, bool Revoked);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/admin/accounts").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (string? q, int? page, bool? revoked, IdentityDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 50);
                var (items, total) = await SearchAsync(db, q, paging, clock, ct);
                return new RazorComponentResult<AccountsPage>(new { Model = new PageModel(q ?? "", items, total, paging, revoked == true) });
            });
        pages.MapPost("/{id}/revoke", async Task<IResult> (string id, IFormCollection form, SignInRevocation revocation, ClaimsPrincipal user, CancellationToken ct) =>
                await revocation.RevokeAsync(id, user.UserId(), ct)
                    ? TypedResults.Redirect($"/admin/accounts?q={Uri.EscapeDataString(form.Text("q") ?? "")}&revoked=true")
                    : TypedResults.NotFound());

        var api = app.MapGroup("/api/v1/admin/accounts").RequireAuthorization(Policies.Coordinator).WithTags("Administration");
        api.MapGet("/", async Task<Ok<PagedResponse<AccountDto>>> (string? q, int? page, int? pageSize, IdentityDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize, 50);
                var (items, total) = await SearchAsync(db, q, paging, clock, ct);
                return TypedResults.Ok(new PagedResponse<AccountDto>(items, paging.Page, paging.PageSize, total));
            })
            .WithSummary("Sign-ins: q searches addresses and names");
        api.MapPost("/{id}/revocation", async Task<Results<NoContent, ProblemHttpResult>> (string id, SignInRevocation revocation, ClaimsPrincipal user, CancellationToken ct) =>
                await revocation.RevokeAsync(id, user.UserId(), ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .WithSummary("Ends every session and token of a sign-in at once (audited)");
    }

    private static async Task<(List<AccountDto>, int)> SearchAsync(IdentityDb db, string? q, Paging paging, TimeProvider clock, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var now = clock.GetUtcNow();
        return ([.. users.Select(u => new AccountDto(u.Id, u.Email ?? "", u.DisplayName, [.. roles[u.Id].Order()], u.LockoutEnd > now ? u.LockoutEnd : null))], total);
    }
}
