using System.Globalization;
using Carter;
using Coordination.Host.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Operations.AuditTrail;

/// <summary>The audit trail for coordinators: /admin/audit (page), /api/v1/admin/audit (JSON),
/// and both as CSV or XLSX. Filters: person (sign-in id), module, kind (action), from and to
/// (dates, Helsinki, both included).</summary>
internal sealed class AuditTrailEndpoints : ICarterModule
{
    /// <summary>The filters as given (query names person, module, kind, from, to).</summary>
    /// <summary>Properties, not a primary constructor: the request delegate generator writes
    /// <c>typeof(string?)</c> for a constructor's nullable parameters, which does not compile.</summary>
    public sealed record AuditInput
    {
        public string? Person { get; init; }

        public string? Module { get; init; }

        public string? Kind { get; init; }

        public string? From { get; init; }

        public string? To { get; init; }

        public string Query()
            => string.Join('&', new[] { ("person", Person), ("module", Module), ("kind", Kind), ("from", From), ("to", To) }
                .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));
    }

    public sealed record PageModel(
        IReadOnlyList<AuditItem> Items, int Total, Paging Paging, AuditInput Input, FormErrors Errors,
        IReadOnlyList<(string UserId, string Name)> People, IReadOnlyList<string> Modules, IReadOnlyList<string> Kinds, int RetentionDays);

    /// <summary>An entry in the API: <c>actor</c> is account, deletedAccount or system; a
    /// removed account has neither name nor id.</summary>
    public sealed record AuditEntryDto(Guid Id, string Module, DateTime At, string Actor, string? UserId, string? Person, string Kind, string EntityType, string EntityId, string? Summary);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/audit", async Task<IResult> ([AsParameters] AuditInput input, int? page, AuditTrailReader reader, IStringLocalizer<OperationsStrings> l, IOptions<AuditTrailOptions> options, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 50);
                var (filter, errors) = Parse(input, reader.Modules, l);
                var (items, total) = errors.IsEmpty ? await reader.PageAsync(filter, paging, ct) : ((IReadOnlyList<AuditItem>)[], 0);
                var model = new PageModel(items, total, paging, input, errors, await reader.PeopleAsync(ct), reader.Modules, await reader.ActionsAsync(ct), (int)options.Value.Retention.TotalDays);
                return new RazorComponentResult<AuditTrailPage>(new { Model = model }) { StatusCode = errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest };
            })
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapGet("/api/v1/admin/audit", async Task<Results<Ok<PagedResponse<AuditEntryDto>>, ValidationProblem>> ([AsParameters] AuditInput input, int? page, int? pageSize, AuditTrailReader reader, IStringLocalizer<OperationsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize, 50);
                var (filter, errors) = Parse(input, reader.Modules, l);
                if (!errors.IsEmpty)
                {
                    return ApiResults.Invalid(errors, shared);
                }

                var (items, total) = await reader.PageAsync(filter, paging, ct);
                return TypedResults.Ok(new PagedResponse<AuditEntryDto>([.. items.Select(Dto)], paging.Page, paging.PageSize, total));
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Administration")
            .WithSummary("The audit trail of every module, newest first; person (sign-in id), module, kind, from and to (yyyy-MM-dd, Helsinki) filter it");

        foreach (var format in new[] { "csv", "xlsx" })
        {
            // The page's download links send the sign-in cookie, the API's bearer clients the token.
            app.MapGet($"/admin/audit.{format}", ([AsParameters] AuditInput input, AuditTrailReader reader, IStringLocalizer<OperationsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) => ExportAsync(format, input, reader, l, shared, ct))
                .RequireAuthorization(Policies.Coordinator)
                .ExcludeFromDescription();
            app.MapGet($"/api/v1/admin/audit.{format}", ([AsParameters] AuditInput input, AuditTrailReader reader, IStringLocalizer<OperationsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) => ExportAsync(format, input, reader, l, shared, ct))
                .RequireAuthorization(Policies.Coordinator)
                .WithTags("Administration")
                .WithSummary($"The audit trail with the same filters as {format}");
        }
    }

    private static async Task<IResult> ExportAsync(string format, AuditInput input, AuditTrailReader reader, IStringLocalizer<OperationsStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct)
    {
        var (filter, errors) = Parse(input, reader.Modules, l);
        if (!errors.IsEmpty)
        {
            return ApiResults.Invalid(errors, shared);
        }

        var items = await reader.AllAsync(filter, ct);
        var table = new ExportTable(
            [l["Time"], l["Person"], l["Module"], l["Kind"], l["Thing"], l["ThingId"], l["Details"]],
            items.Select(i => (IReadOnlyList<object?>)[HelsinkiTime.Iso(i.At), ActorText(i, l), ModuleText(i.Module, l), i.Action, i.EntityType, i.EntityId, i.Summary]));
        var name = "audit-trail-" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format == "xlsx" ? table.ToXlsx(name) : table.ToCsv(name);
    }

    public static string ActorText(AuditItem item, IStringLocalizer l) => item.Actor switch
    {
        ActorKind.Account => item.Person!,
        ActorKind.System => l["System"],
        _ => l["DeletedAccount"],
    };

    public static string ModuleText(string module, IStringLocalizer l)
        => l["Module_" + module] is { ResourceNotFound: false } text ? text.Value : module;

    private static AuditEntryDto Dto(AuditItem i)
        => new(i.Id, i.Module, i.At, EnumText.Of(i.Actor), i.UserId, i.Person, i.Action, i.EntityType, i.EntityId, i.Summary);

    /// <summary>The filter, or the errors per field (keys as the query names).</summary>
    internal static (AuditFilter Filter, FormErrors Errors) Parse(AuditInput input, IReadOnlyList<string> modules, IStringLocalizer l)
    {
        var errors = new FormErrors();
        var from = Date(input.From, "from", errors, l);
        var to = Date(input.To, "to", errors, l);
        if (from > to)
        {
            errors.Add("to", l["EndBeforeStart"]);
        }

        string? module = null;
        if (!string.IsNullOrWhiteSpace(input.Module))
        {
            module = modules.FirstOrDefault(m => m.Equals(input.Module.Trim(), StringComparison.OrdinalIgnoreCase));
            if (module is null)
            {
                errors.Add("module", l["UnknownModule"]);
            }
        }

        var filter = new AuditFilter(
            string.IsNullOrWhiteSpace(input.Person) ? null : input.Person.Trim(),
            module,
            string.IsNullOrWhiteSpace(input.Kind) ? null : input.Kind.Trim(),
            from is { } f ? StartOf(f) : null,
            to is { } t ? StartOf(t.AddDays(1)) : null);
        return (filter, errors);
    }

    private static DateOnly? Date(string? text, string field, FormErrors errors, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, l["InvalidDate"]);
        return null;
    }

    /// <summary>The first instant of a Helsinki calendar day.</summary>
    private static DateTime StartOf(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), HelsinkiTime.Zone);
}
