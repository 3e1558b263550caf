using Carter;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Exports;

/// <summary>Contacts and organisations as CSV (Finnish Excel) and XLSX, for coordinators.</summary>
internal sealed class ExportEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/membership/exports").RequireAuthorization(Policies.Coordinator).WithTags("Membership");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            api.MapGet($"/contacts.{format}", async (MembershipDbContext db, IStringLocalizer<MembershipStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                    Render(await ContactsAsync(db, l, shared, ct), format, "contacts"))
                .WithSummary($"Every person with organisation and roles as {format} (csv: UTF-8 with BOM, ';')");
            api.MapGet($"/organisations.{format}", async (MembershipDbContext db, IStringLocalizer<MembershipStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                    Render(await OrganisationsAsync(db, l, shared, ct), format, "organisations"))
                .WithSummary($"Every organisation with business ID, type, language, municipality and projects as {format}");
        }
    }

    private static IResult Render(ExportTable table, string format, string name)
        => format == "xlsx" ? table.ToXlsx(name) : table.ToCsv(name);

    private static async Task<ExportTable> ContactsAsync(MembershipDbContext db, IStringLocalizer<MembershipStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.ErasedAt == null).Include(p => p.Roles).OrderBy(p => p.Name).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Acronym ?? p.Name, ct);
        var networks = (await db.Networks.AsNoTracking().ToListAsync(ct)).ToDictionary(n => n.Id, n => n.Name.Fi);
        string Roles(Person p) => string.Join(", ", p.Roles.Select(r =>
            $"{l["Role_" + EnumText.Of(r.Role)]} ({(r.ProjectId is { } pid ? projects.GetValueOrDefault(pid) : r.NetworkId is { } nid ? networks.GetValueOrDefault(nid) : "")})"));
        return new ExportTable(
            [l["PersonName"], l["Email"], l["Phone"], l["Organisation"], l["PreferredLanguage"], l["Roles"]],
            people.Select(p => (IReadOnlyList<object?>)[p.Name, p.Email, p.Phone, p.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, shared["LanguageName_" + p.Language].Value, Roles(p)]));
    }

    private static async Task<ExportTable> OrganisationsAsync(MembershipDbContext db, IStringLocalizer<MembershipStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Include(p => p.Partners).ToListAsync(ct);
        string ProjectsOf(Guid id) => string.Join(", ", projects.Where(p => p.LeadOrganisationId == id || p.Partners.Any(x => x.OrganisationId == id)).Select(p => p.Acronym ?? p.Name));
        return new ExportTable(
            [l["OrganisationName"], l["BusinessId"], l["OrganisationType"], l["OrganisationLanguage"], l["Municipality"], l["Projects"]],
            organisations.Select(o => (IReadOnlyList<object?>)[o.Name, o.BusinessId, l["OrganisationType_" + EnumText.Of(o.Type)].Value, shared["LanguageName_" + o.Language].Value, o.Municipality, ProjectsOf(o.Id)]));
    }
}
