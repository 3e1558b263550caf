using System.Security.Claims;
using System.Text;
using Carter;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.ImportApplication;

/// <summary>Import of a funding application's text: a preview that changes nothing, then the
/// import on confirmation. An application imported before is refused with an offer to update
/// the project it made. Coordinators only.</summary>
internal sealed class ImportApplicationEndpoints : ICarterModule
{
    private const int MaxBytes = 1_000_000;

    public sealed record Imported(Guid ProjectId);

    public sealed record PageModel(List<Network> Networks, Guid? NetworkId, string Text, ApplicationPreview? Preview, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/import").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/", async (Guid? networkId, MembershipDbContext db, CancellationToken ct) => await PageAsync(db, networkId, "", null, FormErrors.None, ct));
        pages.MapPost("/preview", async (IFormCollection form, MembershipDbContext db, ImportedProjects imported, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var text = await TextOfAsync(form, ct);
                var errors = new FormErrors();
                if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add("text", l["ImportTextRequired"]);
                    return await PageAsync(db, form.Id("networkId"), "", null, errors, ct, StatusCodes.Status400BadRequest);
                }

                return await PageAsync(db, form.Id("networkId"), text, await PreviewAsync(text, imported, l, ct), errors, ct);
            });
        pages.MapPost("/", async (IFormCollection form, MembershipDbContext db, ApplicationImporter importer, ImportedProjects imported, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var text = form.Text("text") ?? "";
                var preview = Parser(l).Parse(text);
                var result = await importer.ImportAsync(form.Id("networkId"), preview, user.UserId(), form.Id("updateProjectId"), ct);
                return result.Outcome switch
                {
                    ImportOutcome.Imported => TypedResults.Redirect($"/membership/projects/{result.ProjectId}?saved=imported"),
                    ImportOutcome.Updated => TypedResults.Redirect($"/membership/projects/{result.ProjectId}?saved=reimported"),
                    ImportOutcome.NotFound => TypedResults.NotFound(),
                    ImportOutcome.Duplicate => await PageAsync(db, form.Id("networkId"), text, preview with { ExistingProject = await imported.FindAsync(preview, ct) }, FormErrors.None, ct, StatusCodes.Status409Conflict),
                    _ => await PageAsync(db, form.Id("networkId"), text, preview, result.Errors, ct, StatusCodes.Status400BadRequest),
                };
            });

        var api = app.MapGroup("/api/v1/membership/applications").RequireAuthorization(Policies.Coordinator).WithTags("Membership");
        api.MapPost("/preview", async Task<Results<Ok<ApplicationPreview>, ProblemHttpResult>> (HttpRequest request, ImportedProjects imported, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
                await BodyAsync(request, ct) is { } text ? TypedResults.Ok(await PreviewAsync(text, imported, l, ct)) : TooLarge(l))
            .Accepts<string>("text/plain")
            .WithSummary("Reads a funding application (text/plain) and returns, section by section, what would be stored and what not (never bank details or personal identity numbers), what it could not read, and a project already imported from it; changes nothing");
        api.MapPost("/import", async Task<Results<Created<Imported>, Ok<Imported>, ValidationProblem, ProblemHttpResult>> (Guid? networkId, Guid? updateProjectId, HttpRequest request, ApplicationImporter importer, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                if (await BodyAsync(request, ct) is not { } text)
                {
                    return TooLarge(l);
                }

                var result = await importer.ImportAsync(networkId, Parser(l).Parse(text), user.UserId(), updateProjectId, ct);
                return result.Outcome switch
                {
                    ImportOutcome.Imported => TypedResults.Created($"/api/v1/membership/projects/{result.ProjectId}", new Imported(result.ProjectId!.Value)),
                    ImportOutcome.Updated => TypedResults.Ok(new Imported(result.ProjectId!.Value)),
                    ImportOutcome.NotFound => ApiResults.NotFound(l["ProjectNotFound"]),
                    ImportOutcome.Duplicate => TypedResults.Problem(
                        detail: l["ImportDuplicateApi"], statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["existingProjectId"] = result.ProjectId }),
                    _ => ApiResults.Invalid(result.Errors, shared),
                };
            })
            .Accepts<string>("text/plain")
            .WithSummary("Imports a funding application (text/plain) into a network: organisations, contacts, the project, goals, budget and plan, atomically. An application imported before answers 409 with existingProjectId; send updateProjectId to update that project from the application instead");
    }

    private static ApplicationParser Parser(IStringLocalizer<MembershipStrings> l) => new(key => l[key]);

    private static async Task<ApplicationPreview> PreviewAsync(string text, ImportedProjects imported, IStringLocalizer<MembershipStrings> l, CancellationToken ct)
    {
        var preview = Parser(l).Parse(text);
        return preview with { ExistingProject = await imported.FindAsync(preview, ct) };
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer<MembershipStrings> l)
        => TypedResults.Problem(detail: l["ImportTooLong"], statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The request body as UTF-8 text, or null when it is larger than we read.</summary>
    private static async Task<string?> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        // The host's request size limit bounds what is read here.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        return text.Length > MaxBytes ? null : text;
    }

    /// <summary>The pasted text, or an uploaded .txt file.</summary>
    private static async Task<string?> TextOfAsync(IFormCollection form, CancellationToken ct)
    {
        if (form.Files.GetFile("file") is { Length: > 0 and <= MaxBytes } file)
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return await reader.ReadToEndAsync(ct);
        }

        return form.Text("text");
    }

    private static async Task<IResult> PageAsync(MembershipDbContext db, Guid? networkId, string text, ApplicationPreview? preview, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NormalizedName).ToListAsync(ct);
        return new RazorComponentResult<ImportPage>(new { Model = new PageModel(networks, networkId, text, preview, errors) }) { StatusCode = status };
    }
}
