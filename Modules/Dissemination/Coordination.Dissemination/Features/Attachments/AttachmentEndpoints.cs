using System.Security.Claims;
using Carter;
using Coordination.Dissemination.Access;
using Coordination.Dissemination.Catalogue;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Attachments;

/// <summary>Files attached to a model: documents and images of the listed types, at most 10 MB
/// each and 20 per model; downloads for whoever may see the model.</summary>
internal sealed class AttachmentEndpoints : ICarterModule
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerModel = 20;

    /// <summary>Allowed extensions and the content type they are served with (never the client's).</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain; charset=utf-8",
    };

    public sealed record Uploaded(Guid Id);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/dissemination/models/{id:guid}/attachments", async Task<IResult> (Guid id, IFormFile? file, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
            {
                var (status, result, error) = await UploadAsync(id, file, db, access, user, clock, l, ct);
                return status switch
                {
                    StatusCodes.Status201Created => TypedResults.Created($"/method-bank/{id}/attachments/{result}", new Uploaded(result!.Value)),
                    StatusCodes.Status404NotFound => ApiResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error!] }),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .DisableAntiforgery()
            .WithTags("Dissemination")
            .WithSummary("Attaches a file (multipart field \"file\"; pdf, docx, xlsx, pptx, odt, ods, odp, png, jpg, txt; at most 10 MB)");
        app.MapPost("/method-bank/{id:guid}/attachments", async Task<IResult> (Guid id, IFormFile? file, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
            {
                var (status, _, error) = await UploadAsync(id, file, db, access, user, clock, l, ct);
                return status switch
                {
                    StatusCodes.Status201Created => TypedResults.Redirect($"/method-bank/{id}?saved=attached"),
                    StatusCodes.Status404NotFound => TypedResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.Redirect($"/method-bank/{id}?saved=attachmentRefused&reason={AttachmentRefusals.Reasons.First(r => l[r].Value == error)}"),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();
        app.MapPost("/method-bank/{id:guid}/attachments/{attachmentId:guid}/delete", async Task<IResult> (Guid id, Guid attachmentId, IFormCollection form, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                if ((await access.ModelToWriteAsync(db.Models.AsNoTracking(), id, user, ct)) is (null, var refusal))
                {
                    return ModelAccess.Refused(refusal);
                }

                await db.Attachments.Where(a => a.Id == attachmentId && a.ModelId == id).ExecuteDeleteAsync(ct);
                db.Audit(user.UserId(), "RemoveAttachment", nameof(Model), id.ToString(), attachmentId.ToString(), clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                return TypedResults.Redirect($"/method-bank/{id}?saved=detached");
            })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();
        app.MapGet("/method-bank/{id:guid}/attachments/{attachmentId:guid}", async Task<IResult> (Guid id, Guid attachmentId, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
                if (model is null || (model.Status != ModelStatus.Published && !await access.CanWriteAsync(user, model.ProjectId, ct)))
                {
                    return TypedResults.NotFound();
                }

                var file = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ModelId == id, ct);
                return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static async Task<(int Status, Guid? Id, string? Error)> UploadAsync(Guid id, IFormFile? file, DisseminationDbContext db, ModelAccess access, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<DisseminationStrings> l, CancellationToken ct)
    {
        var (model, refusal) = await access.ModelToWriteAsync(db.Models.AsNoTracking(), id, user, ct);
        if (model is null)
        {
            return (ModelAccess.StatusOf(refusal), null, null);
        }

        if (file is null || file.Length == 0)
        {
            return (StatusCodes.Status400BadRequest, null, l["AttachmentMissing"]);
        }

        var name = Path.GetFileName(file.FileName).Trim();
        if (!Types.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            return (StatusCodes.Status400BadRequest, null, l["AttachmentType"]);
        }

        if (file.Length > MaxBytes)
        {
            return (StatusCodes.Status400BadRequest, null, l["AttachmentTooBig"]);
        }

        if (await db.Attachments.CountAsync(a => a.ModelId == id, ct) >= MaxPerModel)
        {
            return (StatusCodes.Status400BadRequest, null, l["TooManyAttachments"]);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var attachment = new ModelAttachment
        {
            Id = Guid.CreateVersion7(), ModelId = id, FileName = name.Length > 200 ? name[^200..] : name, ContentType = contentType, Size = buffer.Length,
            Content = buffer.ToArray(), UploadedAt = now,
        };
        db.Attachments.Add(attachment);
        db.Audit(user.UserId(), "AddAttachment", nameof(Model), id.ToString(), attachment.FileName, now);
        await db.SaveChangesAsync(ct);
        return (StatusCodes.Status201Created, attachment.Id, null);
    }
}
