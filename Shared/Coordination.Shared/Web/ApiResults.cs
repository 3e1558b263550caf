using System.Text.Json.Serialization;
using Coordination.Shared.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Coordination.Shared.Web;

/// <summary>Problem details (RFC 9457) in the shapes the API uses everywhere.</summary>
public static class ApiResults
{
    public static ValidationProblem Invalid(FormErrors errors, IStringLocalizer<SharedStrings> l)
        => TypedResults.ValidationProblem(errors.All, title: l["ValidationTitle"]);

    public static ProblemHttpResult Conflict(string detail)
        => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult NotFound(string? detail = null)
        => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>201 with the new resource's address and <c>{ "id": … }</c>.</summary>
    public static Created<CreatedId> Created(string location, Guid id) => TypedResults.Created(location, new CreatedId(id));
}

/// <summary>The body of a 201: the new resource's id.</summary>
public sealed record CreatedId(Guid Id);

/// <summary>A page of a list in the API. <paramref name="TotalIsLowerBound"/>: at least
/// <paramref name="Total"/> match (a search that stopped counting), and the pages end there;
/// written only when true.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool TotalIsLowerBound = false);

/// <summary>Paging of a list request: page from 1, size clamped to 1–100.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public static Paging From(int? page, int? pageSize, int defaultSize = 20)
        => new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, 100));

    public int Skip => (Page - 1) * PageSize;
}
