using System.Security.Claims;
using System.Text.Json;
using Coordination.Dissemination.Access;
using Coordination.Dissemination.Contracts;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Catalogue;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.SaveModel;

internal enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

internal sealed record SaveResult(SaveOutcome Outcome, Guid? Id, FormErrors Errors);

/// <summary>Writes model cards: every save keeps a version; publishing makes the card public and
/// searchable and tells other modules (ModelPublished, ModelUpdated); a published card can be
/// sent to review (ModelSubmittedForReview with the card as it is).</summary>
internal sealed class ModelSaver(DisseminationDbContext db, ModelAccess access, IValidator<ModelInput> validator, TimeProvider clock, IStringLocalizer<DisseminationStrings> l, ThemeCounts themes)
{
    public async Task<SaveResult> CreateAsync(ModelInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (errors, forbidden) = await ValidateAsync(input, user, ct);
        if (!errors.IsEmpty)
        {
            return new SaveResult(forbidden ? SaveOutcome.Forbidden : SaveOutcome.Invalid, null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var model = new Model { Id = Guid.CreateVersion7(), CreatedAt = now, Status = ModelStatus.Draft };
        Apply(model, input, now);
        db.Models.Add(model);
        db.ModelThemes.AddRange(ThemeRows(model));
        Keep(model, "create", user, now);
        db.Audit(user.UserId(), "CreateModel", nameof(Model), model.Id.ToString(), model.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveOutcome.Saved, model.Id, errors);
    }

    public async Task<SaveResult> UpdateAsync(Guid id, ModelInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (model, refusal) = await access.ModelToWriteAsync(db.Models, id, user, ct);
        if (model is null)
        {
            return new SaveResult(refusal == WriteRefusal.NotFound ? SaveOutcome.NotFound : SaveOutcome.Forbidden, null, FormErrors.None);
        }

        var (errors, forbidden) = await ValidateAsync(input, user, ct);
        if (!errors.IsEmpty)
        {
            return new SaveResult(forbidden ? SaveOutcome.Forbidden : SaveOutcome.Invalid, null, errors);
        }

        if (input.Version is { } version && version != model.Version)
        {
            errors.Add("version", l["EditedMeanwhile"]);
            return new SaveResult(SaveOutcome.Conflict, null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Apply(model, input, now);
        await KeepThemesAsync(model, ct);
        model.Version++;
        Keep(model, "edit", user, now);
        if (model.Status == ModelStatus.Published)
        {
            db.Publish(Updated(model, now), now);
        }

        db.Audit(user.UserId(), "EditModel", nameof(Model), model.Id.ToString(), model.Title.Fi, now);
        return await SaveAsync(model, ct);
    }

    /// <summary>Publishes (or, with <paramref name="publish"/> false, takes back to draft).</summary>
    public async Task<SaveResult> SetPublishedAsync(Guid id, bool publish, ClaimsPrincipal user, CancellationToken ct)
    {
        var (model, refusal) = await access.ModelToWriteAsync(db.Models, id, user, ct);
        if (model is null)
        {
            return new SaveResult(refusal == WriteRefusal.NotFound ? SaveOutcome.NotFound : SaveOutcome.Forbidden, null, FormErrors.None);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        model.Status = publish ? ModelStatus.Published : ModelStatus.Draft;
        model.UpdatedAt = now;
        model.Version++;
        if (publish)
        {
            model.PublishedAt = now;
            db.Publish(new ModelPublished(model.Id, model.NetworkId, model.ProjectId, model.Title.Fi, model.Title.Sv, model.Title.En, model.Summary.Fi, model.Themes, model.Version, now), now);
        }
        else
        {
            db.Publish(Updated(model, now), now);
        }

        Keep(model, publish ? "publish" : "unpublish", user, now);
        db.Audit(user.UserId(), publish ? "PublishModel" : "UnpublishModel", nameof(Model), model.Id.ToString(), model.Title.Fi, now);
        return await SaveAsync(model, ct);
    }

    /// <summary>Sends a published model to review; false when it is not published.</summary>
    public async Task<SaveResult> SubmitForReviewAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (model, refusal) = await access.ModelToWriteAsync(db.Models, id, user, ct);
        if (model is null)
        {
            return new SaveResult(refusal == WriteRefusal.NotFound ? SaveOutcome.NotFound : SaveOutcome.Forbidden, null, FormErrors.None);
        }

        if (model.Status != ModelStatus.Published)
        {
            return new SaveResult(SaveOutcome.Conflict, null, new FormErrors(new Dictionary<string, string[]> { ["status"] = [l["PublishBeforeReview"]] }));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = model.ProjectId is { } p
            ? (await db.Projects.AsNoTracking().Where(x => x.ProjectId == p).Select(x => x.Organisations).SingleOrDefaultAsync(ct) ?? []).Select(o => o.OrganisationId).ToList()
            : [];
        model.SubmittedForReviewAt = now;
        db.Publish(new ModelSubmittedForReview(model.Id, model.NetworkId, model.ProjectId, organisations, model.Title.Fi, model.Summary.Fi, model.Challenge.Fi, model.Method.Fi, model.Result.Fi, model.Version, now,
            model.Title.Sv, model.Summary.Sv, model.Challenge.Sv, model.Method.Sv, model.Result.Sv), now);
        db.Audit(user.UserId(), "SubmitModelForReview", nameof(Model), model.Id.ToString(), model.Title.Fi, now);
        return await SaveAsync(model, ct);
    }

    private async Task<SaveResult> SaveAsync(Model model, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            themes.Evict();
            return new SaveResult(SaveOutcome.Saved, model.Id, FormErrors.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(SaveOutcome.Conflict, null, new FormErrors(new Dictionary<string, string[]> { ["version"] = [l["EditedMeanwhile"]] }));
        }
    }

    private static ModelUpdated Updated(Model model, DateTime now)
        => new(model.Id, model.NetworkId, model.ProjectId, model.Title.Fi, model.Status == ModelStatus.Published ? "published" : "draft", model.Themes, model.Version, now);

    /// <summary>Field errors, and whether the project is one the user may not write.</summary>
    private async Task<(FormErrors Errors, bool Forbidden)> ValidateAsync(ModelInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        var forbidden = false;
        if (input.NetworkId is { } network && !await db.Networks.AnyAsync(n => n.NetworkId == network, ct))
        {
            errors.Add("networkId", l["NetworkUnknown"]);
        }

        if (input.ProjectId is { } project)
        {
            if (!await db.Projects.AnyAsync(p => p.ProjectId == project && p.NetworkId == input.NetworkId, ct))
            {
                errors.Add("projectId", l["ProjectUnknown"]);
            }
            else if (!await access.CanWriteAsync(user, project, ct))
            {
                errors.Add("projectId", l["NotYourProject"]);
                forbidden = true;
            }
        }
        else if (!ModelAccess.IsCoordinator(user))
        {
            errors.Add("projectId", l["ProjectRequired"]);
        }

        return (errors, forbidden);
    }

    private void Keep(Model model, string action, ClaimsPrincipal user, DateTime now)
        => db.ModelVersions.Add(new ModelVersion
        {
            Id = Guid.CreateVersion7(), ModelId = model.Id, Version = model.Version, Action = action, SavedAt = now, SavedBy = user.UserId(),
            SnapshotJson = JsonSerializer.Serialize(ModelInput.From(model) with { Version = null }, JsonSerializerOptions.Web),
        });

    private static void Apply(Model model, ModelInput input, DateTime now)
    {
        model.NetworkId = input.NetworkId!.Value;
        model.ProjectId = input.ProjectId;
        model.Title = input.Title!.ToText();
        model.Summary = input.Summary!.ToText();
        model.Challenge = input.Challenge!.ToText();
        model.Method = input.Method!.ToText();
        model.Result = input.Result!.ToText();
        model.TargetGroup = Text(input.TargetGroup);
        model.ResourcesNeeded = Text(input.ResourcesNeeded);
        model.Themes = [.. (input.Themes ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        model.ContactName = string.IsNullOrWhiteSpace(input.ContactName) ? null : input.ContactName.Trim();
        model.ContactEmail = string.IsNullOrWhiteSpace(input.ContactEmail) ? null : input.ContactEmail.Trim();
        model.Links = [.. (input.Links ?? []).Select(x => new ModelLink(string.IsNullOrWhiteSpace(x.Title) ? x.Url!.Trim() : x.Title.Trim(), x.Url!.Trim()))];
        model.UpdatedAt = now;
        model.SearchText = SearchIndex.TextOf(model);
    }

    private static IEnumerable<ModelTheme> ThemeRows(Model model)
        => model.Themes.Select(ModelTheme.Key).Distinct().Select(k => new ModelTheme { ModelId = model.Id, Theme = k });

    /// <summary>Brings the model's theme rows in step with its themes: only the changed ones are
    /// written (a row's key is its theme).</summary>
    private async Task KeepThemesAsync(Model model, CancellationToken ct)
    {
        var rows = await db.ModelThemes.Where(t => t.ModelId == model.Id).ToListAsync(ct);
        var wanted = ThemeRows(model).ToList();
        db.ModelThemes.RemoveRange(rows.Where(r => !wanted.Any(w => w.Theme == r.Theme)));
        db.ModelThemes.AddRange(wanted.Where(w => !rows.Any(r => r.Theme == w.Theme)));
    }

    private static LocalizedText Text(LocalizedTextInput? input) => (input ?? new LocalizedTextInput(null, null, null)).ToText();
}
