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

/// <summary>One network: its page (phase, themes, rules and who accepted them, projects, goals,
/// working groups) and GET /api/v1/membership/networks/{id}.</summary>
internal sealed class ViewNetworkEndpoints : ICarterModule
{
    public sealed record AcceptanceRow(Organisation Organisation, RulesAcceptance? Acceptance);

    public sealed record PageModel(
        Network Network, NetworkRules? CurrentRules, List<AcceptanceRow> Acceptances, List<Project> Projects, List<Goal> Goals,
        List<WorkingGroup> Groups, DateTime Now, string? Saved, FormErrors Errors);

    public sealed record PhaseDto(string Phase, string? Note, DateTime ChangedAt);

    public sealed record ThemeDto(Guid Id, LocalizedTextInput Name);

    public sealed record RulesDto(int Number, string Text, DateTime PublishedAt, List<AcceptanceDto> Acceptances);

    public sealed record AcceptanceDto(Guid OrganisationId, string AcceptedBy, DateOnly AcceptedOn);

    public sealed record NetworkDetails(
        Guid Id, LocalizedTextInput Name, LocalizedTextInput Description, string Phase, string? FundingProgramme, List<ThemeDto> Themes,
        List<PhaseDto> PhaseHistory, RulesDto? CurrentRules, DateTime CreatedAt, DateTime UpdatedAt, int Version);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/membership/networks/{id:guid}", async Task<IResult> (Guid id, string? saved, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
                await LoadPageAsync(db, id, saved, FormErrors.None, clock.GetUtcNow().UtcDateTime, ct) is { } model
                    ? new RazorComponentResult<NetworkPage>(new { Model = model })
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();

        app.MapGet("/api/v1/membership/networks/{id:guid}", async Task<Results<Ok<NetworkDetails>, ProblemHttpResult>> (Guid id, MembershipDbContext db, CancellationToken ct) =>
            {
                var n = await Networks(db).SingleOrDefaultAsync(n => n.Id == id, ct);
                if (n is null)
                {
                    return ApiResults.NotFound();
                }

                var rules = n.Rules.MaxBy(r => r.Number);
                return TypedResults.Ok(new NetworkDetails(
                    n.Id, LocalizedTextInput.From(n.Name), LocalizedTextInput.From(n.Description), EnumText.Of(n.Phase), n.FundingProgramme,
                    [.. n.Themes.Select(t => new ThemeDto(t.Id, LocalizedTextInput.From(t.Name)))],
                    [.. n.PhaseChanges.OrderBy(c => c.ChangedAt).Select(c => new PhaseDto(EnumText.Of(c.Phase), c.Note, c.ChangedAt))],
                    rules is null ? null : new RulesDto(rules.Number, rules.Text, rules.PublishedAt, [.. rules.Acceptances.Select(a => new AcceptanceDto(a.OrganisationId, a.AcceptedBy, a.AcceptedOn))]),
                    n.CreatedAt, n.UpdatedAt, n.Version));
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Membership")
            .WithSummary("Reads a network with its phase history, themes and current rules");
    }

    /// <summary>The organisations of a network: leads and partners of its projects.</summary>
    public static IQueryable<Organisation> OrganisationsOf(MembershipDbContext db, Guid networkId)
        => db.Organisations.Where(o => db.Projects.Any(p => p.NetworkId == networkId && (p.LeadOrganisationId == o.Id || p.Partners.Any(x => x.OrganisationId == o.Id))));

    public static async Task<PageModel?> LoadPageAsync(MembershipDbContext db, Guid id, string? saved, FormErrors errors, DateTime now, CancellationToken ct)
    {
        var network = await Networks(db).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null)
        {
            return null;
        }

        var rules = network.Rules.MaxBy(r => r.Number);
        var organisations = await OrganisationsOf(db, id).AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        var acceptances = organisations.Select(o => new AcceptanceRow(o, rules?.Acceptances.SingleOrDefault(a => a.OrganisationId == o.Id))).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == id).OrderBy(p => p.Name).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.NetworkId == id).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var groups = await db.WorkingGroups.AsNoTracking().Where(g => g.NetworkId == id).OrderBy(g => g.Name).ToListAsync(ct);
        return new PageModel(network, rules, acceptances, projects, goals, groups, now, saved, errors);
    }

    private static IQueryable<Network> Networks(MembershipDbContext db)
        => db.Networks.AsNoTracking().AsSplitQuery().Include(n => n.Themes).Include(n => n.PhaseChanges).Include(n => n.Rules).ThenInclude(r => r.Acceptances);
}
