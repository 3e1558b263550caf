using System.Security.Claims;
using Carter;
using Coordination.Dissemination.Access;
using Coordination.Dissemination.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.SaveModel;

/// <summary>Writing model cards: the form (new and edit), publishing, taking back to draft,
/// sending to review; POST/PUT /api/v1/dissemination/models and their actions.</summary>
internal sealed class SaveModelEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record FormModel(Guid? Id, ModelInput Input, FormErrors Errors, List<KnownNetwork> Networks, List<KnownProject> Projects, bool IsCoordinator);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/method-bank/manage").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        pages.MapGet("/new", async Task<IResult> (Guid? projectId, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var network = projectId is { } p ? await db.Projects.Where(x => x.ProjectId == p).Select(x => (Guid?)x.NetworkId).SingleOrDefaultAsync(ct) : null;
            return await FormAsync(db, access, user, null, new ModelInput(network, projectId, null, null, null, null, null), FormErrors.None, ct);
        });
        pages.MapPost("/new", async Task<IResult> (IFormCollection form, ModelSaver saver, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = ModelInput.From(form);
            var result = await saver.CreateAsync(input, user, ct);
            return result.Id is { } id ? TypedResults.Redirect($"/method-bank/{id}?saved=created") : await FormAsync(db, access, user, null, input, result.Errors, ct, StatusCodes.Status400BadRequest);
        });
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (model, refusal) = await access.ModelToWriteAsync(db.Models.AsNoTracking(), id, user, ct);
            return model is null ? ModelAccess.Refused(refusal)
                : await FormAsync(db, access, user, id, ModelInput.From(model), FormErrors.None, ct);
        });
        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, ModelSaver saver, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = ModelInput.From(form);
            var result = await saver.UpdateAsync(id, input, user, ct);
            return result.Outcome switch
            {
                SaveOutcome.Saved => TypedResults.Redirect($"/method-bank/{id}?saved=updated"),
                SaveOutcome.NotFound => TypedResults.NotFound(),
                SaveOutcome.Forbidden => TypedResults.Forbid(),
                _ => await FormAsync(db, access, user, id, input, result.Errors, ct, result.Outcome == SaveOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest),
            };
        });
        foreach (var (action, saved) in new[] { ("publish", "published"), ("unpublish", "unpublished"), ("submit-for-review", "submitted") })
        {
            pages.MapPost($"/{{id:guid}}/{action}", async Task<IResult> (Guid id, IFormCollection form, ModelSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
                (await Act(saver, action, id, user, ct)).Outcome switch
                {
                    SaveOutcome.Saved => TypedResults.Redirect($"/method-bank/{id}?saved={saved}"),
                    SaveOutcome.NotFound => TypedResults.NotFound(),
                    SaveOutcome.Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.Redirect($"/method-bank/{id}?saved=notPublished"),
                });
        }

        var api = app.MapGroup("/api/v1/dissemination/models").RequireAuthorization(Policies.NetworkMember).WithTags("Dissemination");
        api.MapPost("/", async Task<IResult> (ModelInput input, ModelSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var result = await saver.CreateAsync(input, user, ct);
                return result.Outcome switch
                {
                    SaveOutcome.Saved => TypedResults.Created($"/api/v1/dissemination/models/{result.Id}", new Created(result.Id!.Value)),
                    SaveOutcome.Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.Invalid(result.Errors, shared),
                };
            })
            .WithSummary("Creates a model card as a draft (projectId: the project's managers and coordinators; without it the network's own, coordinators only)");
        api.MapPut("/{id:guid}", async Task<IResult> (Guid id, ModelInput input, ModelSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                Api(await saver.UpdateAsync(id, input, user, ct), shared))
            .WithSummary("Edits a model card (version: the one you started from, else 409); every save is kept in the history");
        foreach (var action in new[] { "publish", "unpublish", "submit-for-review" })
        {
            api.MapPost($"/{{id:guid}}/{action}", async Task<IResult> (Guid id, ModelSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                    Api(await Act(saver, action, id, user, ct), shared))
                .WithSummary(action switch
                {
                    "publish" => "Publishes the model: public, searchable, ModelPublished",
                    "unpublish" => "Takes the model back to draft",
                    _ => "Sends a published model to review (ModelSubmittedForReview)",
                });
        }
    }

    private static Task<SaveResult> Act(ModelSaver saver, string action, Guid id, ClaimsPrincipal user, CancellationToken ct) => action switch
    {
        "publish" => saver.SetPublishedAsync(id, true, user, ct),
        "unpublish" => saver.SetPublishedAsync(id, false, user, ct),
        _ => saver.SubmitForReviewAsync(id, user, ct),
    };

    private static IResult Api(SaveResult result, IStringLocalizer<SharedStrings> shared) => result.Outcome switch
    {
        SaveOutcome.Saved => TypedResults.NoContent(),
        SaveOutcome.NotFound => ApiResults.NotFound(),
        SaveOutcome.Forbidden => TypedResults.Forbid(),
        SaveOutcome.Conflict => ApiResults.Conflict(string.Join(" ", result.Errors.All.SelectMany(e => e.Value))),
        _ => ApiResults.Invalid(result.Errors, shared),
    };

    private static async Task<IResult> FormAsync(DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, Guid? id, ModelInput input, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var coordinator = ModelAccess.IsCoordinator(user);
        var managed = await access.ManagedProjectsAsync(user, ct);
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        projects = [.. projects.Where(p => coordinator || managed.Contains(p.ProjectId))];
        var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NameFi).ToListAsync(ct);
        networks = [.. networks.Where(n => coordinator || projects.Any(p => p.NetworkId == n.NetworkId))];
        if (!coordinator && projects.Count == 0)
        {
            return TypedResults.Forbid();
        }

        return new RazorComponentResult<ModelFormPage>(new { Model = new FormModel(id, input, errors, networks, projects, coordinator) }) { StatusCode = status };
    }
}
