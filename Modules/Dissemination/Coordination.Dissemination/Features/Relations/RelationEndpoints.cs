using System.Security.Claims;
using Carter;
using Coordination.Dissemination.Access;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Relations;

/// <summary>How a model relates to another (builds on, complements, alternative to), written by
/// the model's editors; drawn on the theme pages.</summary>
internal sealed class RelationEndpoints : ICarterModule
{
    public sealed record RelationInput(Guid? ToModelId, string? Kind);

    public sealed record Created(Guid Id);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/dissemination/models/{id:guid}/relations", async Task<IResult> (Guid id, RelationInput input, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
            {
                var (status, relation, error) = await AddAsync(id, input, db, access, user, clock, l, ct);
                return status switch
                {
                    StatusCodes.Status201Created => TypedResults.Created((string?)null, new Created(relation!.Value)),
                    StatusCodes.Status404NotFound => ApiResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    StatusCodes.Status409Conflict => ApiResults.Conflict(error!),
                    _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error == l["RelationKindInvalid"] ? "kind" : "toModelId"] = [error!] }),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Dissemination")
            .WithSummary("Relates the model to another published model of the network: kind buildsOn, complements or alternativeTo");
        app.MapPost("/method-bank/{id:guid}/relations", async Task<IResult> (Guid id, IFormCollection form, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
            {
                var (status, _, _) = await AddAsync(id, new RelationInput(form.Id("toModelId"), form.Text("kind")), db, access, user, clock, l, ct);
                return status switch
                {
                    StatusCodes.Status201Created => TypedResults.Redirect($"/method-bank/{id}?saved=related"),
                    StatusCodes.Status404NotFound => TypedResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.Redirect($"/method-bank/{id}?saved=notRelated"),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();
        app.MapPost("/method-bank/{id:guid}/relations/{relationId:guid}/delete", async Task<IResult> (Guid id, Guid relationId, IFormCollection form, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if ((await access.ModelToWriteAsync(db.Models.AsNoTracking(), id, user, ct)) is (null, var refusal))
                {
                    return ModelAccess.Refused(refusal);
                }

                await db.Relations.Where(r => r.Id == relationId && r.FromModelId == id).ExecuteDeleteAsync(ct);
                return TypedResults.Redirect($"/method-bank/{id}?saved=unrelated");
            })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();
    }

    private static async Task<(int Status, Guid? Id, string? Error)> AddAsync(Guid id, RelationInput input, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<DisseminationStrings> l, CancellationToken ct)
    {
        var (model, refusal) = await access.ModelToWriteAsync(db.Models.AsNoTracking(), id, user, ct);
        if (model is null)
        {
            return (ModelAccess.StatusOf(refusal), null, null);
        }

        if (!EnumText.TryParse<RelationKind>(input.Kind, out var kind))
        {
            return (StatusCodes.Status400BadRequest, null, l["RelationKindInvalid"]);
        }

        if (input.ToModelId is not { } to || to == id || !await db.Models.AnyAsync(m => m.Id == to && m.NetworkId == model.NetworkId && m.Status == ModelStatus.Published, ct))
        {
            return (StatusCodes.Status400BadRequest, null, l["RelationTargetInvalid"]);
        }

        if (await db.Relations.AnyAsync(r => (r.FromModelId == id && r.ToModelId == to) || (r.FromModelId == to && r.ToModelId == id), ct))
        {
            return (StatusCodes.Status409Conflict, null, l["RelationExists"]);
        }

        var relation = new ModelRelation { Id = Guid.CreateVersion7(), FromModelId = id, ToModelId = to, Kind = kind };
        db.Relations.Add(relation);
        db.Audit(user.UserId(), "RelateModels", nameof(Model), id.ToString(), $"{EnumText.Of(kind)} {to}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (StatusCodes.Status201Created, relation.Id, null);
    }
}
