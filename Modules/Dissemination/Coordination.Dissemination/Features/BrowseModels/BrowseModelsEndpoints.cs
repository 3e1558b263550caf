using System.Security.Claims;
using Carter;
using Coordination.Dissemination.Access;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Catalogue;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.BrowseModels;

/// <summary>The method bank for everyone: the list with search and theme filter, a model's card
/// (drafts only for those who may edit them), its history for its editors; GET /api/v1/dissemination/models.</summary>
internal sealed class BrowseModelsEndpoints : ICarterModule
{
    public sealed record ModelDetails(
        Guid Id, Guid NetworkId, Guid? ProjectId, string? Project, List<string> Organisations, LocalizedTextInput Title, LocalizedTextInput Summary,
        LocalizedTextInput Challenge, LocalizedTextInput Method, LocalizedTextInput Result, LocalizedTextInput TargetGroup, LocalizedTextInput ResourcesNeeded,
        List<string> Themes, string? ContactName, string? ContactEmail, List<ModelLink> Links, List<AttachmentDto> Attachments, string Status, int Version,
        DateTime? PublishedAt, DateTime? PeerReviewedAt, DateTime? ExpertReviewedAt, FollowUpDto? FollowUp = null);

    public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size);

    public sealed record VersionDto(int Version, string Action, DateTime SavedAt);

    public sealed record ListModel(Found<Model> Found, Paging Paging, string? Query, string? Theme, List<string> AllThemes, bool CanWrite, bool InUse = false);

    public sealed record PageModel(Model Model, KnownProject? Project, bool CanWrite, List<ModelVersion> Versions, List<(ModelRelation Relation, Model Other)> Relations, List<Model> Candidates);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/method-bank", async Task<IResult> (string? q, string? theme, bool? inUse, int? page, DisseminationDbContext db, SearchIndex search, ThemeCounts themes, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 20);
                var found = await search.FindModelsAsync(SearchIndex.Terms(q), theme, inUse == true, paging.Skip, paging.PageSize, ct);
                var canWrite = ModelAccess.IsCoordinator(user) || (await access.ManagedProjectsAsync(user, ct)).Count > 0;
                return new RazorComponentResult<ModelListPage>(new { Model = new ListModel(found, paging, q, theme, [.. (await themes.GetAsync(db, ct)).Select(t => t.Theme)], canWrite, inUse == true) });
            })
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/method-bank/{id:guid}", async Task<IResult> (Guid id, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var model = await db.Models.AsNoTracking().Include(m => m.Attachments).SingleOrDefaultAsync(m => m.Id == id, ct);
                if (model is null)
                {
                    return TypedResults.NotFound();
                }

                var canWrite = await access.CanWriteAsync(user, model.ProjectId, ct);
                if (model.Status != ModelStatus.Published && !canWrite)
                {
                    return user.Identity?.IsAuthenticated == true ? TypedResults.NotFound() : TypedResults.Challenge();
                }

                var project = model.ProjectId is { } p ? await db.Projects.AsNoTracking().SingleOrDefaultAsync(x => x.ProjectId == p, ct) : null;
                var relations = await db.Relations.AsNoTracking().Where(r => r.FromModelId == id || r.ToModelId == id).ToListAsync(ct);
                var otherIds = relations.Select(r => r.FromModelId == id ? r.ToModelId : r.FromModelId).ToList();
                var others = await db.Models.AsNoTracking().Where(m => otherIds.Contains(m.Id) && (canWrite || m.Status == ModelStatus.Published)).ToDictionaryAsync(m => m.Id, ct);
                var candidates = canWrite
                    ? await db.Models.AsNoTracking().Where(m => m.Id != id && m.NetworkId == model.NetworkId && m.Status == ModelStatus.Published).OrderBy(m => m.Title.Fi).ToListAsync(ct)
                    : [];
                var versions = canWrite ? await db.ModelVersions.AsNoTracking().Where(v => v.ModelId == id).OrderByDescending(v => v.Version).Take(50).ToListAsync(ct) : [];
                return new RazorComponentResult<ModelPage>(new
                {
                    Model = new PageModel(model, project, canWrite, versions,
                        [.. relations.Where(r => others.ContainsKey(r.FromModelId == id ? r.ToModelId : r.FromModelId)).Select(r => (r, others[r.FromModelId == id ? r.ToModelId : r.FromModelId]))], candidates),
                });
            })
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/dissemination/models").WithTags("Dissemination");
        api.MapGet("/", async Task<Ok<PagedResponse<ModelSummary>>> (string? q, string? theme, bool? inUse, int? page, int? pageSize, SearchIndex search, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var (items, total, lowerBound) = await search.FindModelsAsync(SearchIndex.Terms(q), theme, inUse == true, paging.Skip, paging.PageSize, ct);
                return TypedResults.Ok(new PagedResponse<ModelSummary>([.. items.Select(ModelSummary.Of)], paging.Page, paging.PageSize, total, lowerBound));
            })
            .AllowAnonymous()
            .CacheApiForVisitors("Dissemination")
            .WithSummary("Published models, best match first with q (compound words are found by their parts; on PostgreSQL a common word's count stops at 1,000, totalIsLowerBound: true, and so do its pages), newest first without; theme filters; inUse=true: only models still in use at their latest follow-up");
        api.MapGet("/{id:guid}", async Task<IResult> (Guid id, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var m = await db.Models.AsNoTracking().Include(x => x.Attachments).SingleOrDefaultAsync(x => x.Id == id, ct);
                if (m is null || (m.Status != ModelStatus.Published && !await access.CanWriteAsync(user, m.ProjectId, ct)))
                {
                    return ApiResults.NotFound();
                }

                var project = m.ProjectId is { } p ? await db.Projects.AsNoTracking().SingleOrDefaultAsync(x => x.ProjectId == p, ct) : null;
                return TypedResults.Ok(new ModelDetails(
                    m.Id, m.NetworkId, m.ProjectId, project?.Label, [.. project?.Organisations.Select(o => o.Name) ?? []], LocalizedTextInput.From(m.Title), LocalizedTextInput.From(m.Summary),
                    LocalizedTextInput.From(m.Challenge), LocalizedTextInput.From(m.Method), LocalizedTextInput.From(m.Result), LocalizedTextInput.From(m.TargetGroup),
                    LocalizedTextInput.From(m.ResourcesNeeded), m.Themes, m.ContactName, m.ContactEmail, m.Links,
                    [.. m.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size))], EnumText.Of(m.Status), m.Version, m.PublishedAt, m.PeerReviewedAt, m.ExpertReviewedAt, ModelSummary.FollowUpOf(m)));
            })
            .AllowAnonymous()
            .CacheApiForVisitors("Dissemination")
            .WithSummary("A model card (published ones for everyone, drafts for their editors)");
        api.MapGet("/{id:guid}/versions", async Task<IResult> (Guid id, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var m = await db.Models.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                return m is null ? ApiResults.NotFound()
                    : !await access.CanWriteAsync(user, m.ProjectId, ct) ? TypedResults.Forbid()
                    : TypedResults.Ok(await db.ModelVersions.AsNoTracking().Where(v => v.ModelId == id).OrderByDescending(v => v.Version).Select(v => new VersionDto(v.Version, v.Action, v.SavedAt)).ToListAsync(ct));
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("The model's saved versions for its editors");
    }
}
