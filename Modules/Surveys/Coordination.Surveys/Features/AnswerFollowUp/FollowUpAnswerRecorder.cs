using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.FollowUps;
using Coordination.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Features.AnswerFollowUp;

/// <summary>An answer as posted (form or JSON).</summary>
internal sealed record FollowUpAnswerInput(
    string? Token,
    Guid? ModelId,
    string? Use,
    List<Guid>? InUseAt,
    List<string>? RootedIn,
    int? SpreadCount,
    string? SpreadNames,
    string? Changed,
    string? Helps,
    string? Hinders);

/// <summary>The recipient behind a link, with what the form shows.</summary>
internal sealed record FollowUpRespondent(FollowUpRecipient Recipient, FollowUpWave Wave, KnownProject Project, KnownModel Model, FollowUpAnswer? Answer);

/// <summary>Records one organisation's answer on one model: checked field by field, and the
/// model must be the one this link asks about (a model of another project is refused). The
/// answer replaces the organisation's earlier one; the model's follow-up state is published in
/// the same commit (<see cref="Contracts.ModelFollowedUp"/>).</summary>
internal sealed class FollowUpAnswerRecorder(SurveysDbContext db, FollowUpTokens tokens, TimeProvider clock, IStringLocalizer<SurveysStrings> l)
{
    public const int MaxText = 4000;

    public async Task<FollowUpRespondent?> FindAsync(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } id || await db.FollowUpRecipients.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } recipient)
        {
            return null;
        }

        var wave = await db.FollowUpWaves.AsNoTracking().SingleAsync(w => w.Id == recipient.WaveId, ct);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == wave.ProjectId, ct);
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.ModelId == wave.ModelId, ct);
        var answer = await db.FollowUpAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.WaveId == wave.Id && a.OrganisationId == recipient.OrganisationId, ct);
        return project is null || model is null ? null : new FollowUpRespondent(recipient, wave, project, model, answer);
    }

    /// <summary>The form of a wave as its lead organisation's recipient would see it.</summary>
    public async Task<FollowUpRespondent?> PreviewAsync(Guid waveId, CancellationToken ct)
    {
        var wave = await db.FollowUpWaves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, ct);
        var project = wave is null ? null : await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == wave.ProjectId, ct);
        var model = wave is null ? null : await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.ModelId == wave.ModelId, ct);
        if (wave is null || project is null || model is null)
        {
            return null;
        }

        var lead = project.Organisations.FirstOrDefault(o => o.IsLead)?.OrganisationId ?? Guid.Empty;
        return new FollowUpRespondent(new FollowUpRecipient { WaveId = wave.Id, OrganisationId = lead }, wave, project, model, null);
    }

    public string SpreadCountMessage => l["FollowUpSpreadCount"];

    public FormErrors Validate(FollowUpRespondent respondent, FollowUpAnswerInput input)
    {
        var errors = new FormErrors();
        if (input.ModelId != respondent.Wave.ModelId)
        {
            errors.Add("modelId", l["FollowUpWrongModel"]);
        }

        if (input.Use is null || !FollowUpText.Uses.Contains(input.Use))
        {
            errors.Add("use", l["FollowUpUseRequired"]);
        }

        if (input.InUseAt?.Any(o => respondent.Project.Organisations.All(p => p.OrganisationId != o)) == true)
        {
            errors.Add("inUseAt", l["FollowUpUnknownOrganisation"]);
        }

        if (input.RootedIn?.Any(r => !FollowUpText.Roots.Contains(r)) == true)
        {
            errors.Add("rootedIn", l["FollowUpUnknownRoot"]);
        }

        if (input.SpreadCount is < 0 or > 100000)
        {
            errors.Add("spreadCount", l["FollowUpSpreadCount"]);
        }

        foreach (var (field, text, max) in new[] { ("spreadNames", input.SpreadNames, 2000), ("changed", input.Changed, MaxText), ("helps", input.Helps, MaxText), ("hinders", input.Hinders, MaxText) })
        {
            if (text?.Length > max)
            {
                errors.Add(field, l.Plural("FollowUpTooLong", max));
            }
        }

        return errors;
    }

    /// <summary>Saves a valid answer (call <see cref="Validate"/> first).</summary>
    public async Task RecordAsync(FollowUpRespondent respondent, FollowUpAnswerInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var answer = await db.FollowUpAnswers.SingleOrDefaultAsync(a => a.WaveId == respondent.Wave.Id && a.OrganisationId == respondent.Recipient.OrganisationId, ct);
        if (answer is null)
        {
            db.FollowUpAnswers.Add(answer = new FollowUpAnswer { Id = Guid.CreateVersion7(), WaveId = respondent.Wave.Id, OrganisationId = respondent.Recipient.OrganisationId });
        }

        answer.RecipientId = respondent.Recipient.Id;
        answer.Use = input.Use!;
        answer.InUseAt = [.. (input.InUseAt ?? []).Distinct()];
        answer.RootedIn = [.. (input.RootedIn ?? []).Distinct()];
        answer.SpreadCount = input.SpreadCount;
        answer.SpreadNames = Clean(input.SpreadNames);
        answer.Changed = Clean(input.Changed);
        answer.Helps = Clean(input.Helps);
        answer.Hinders = Clean(input.Hinders);
        answer.AnsweredAt = now;
        await db.SaveChangesAsync(ct);
        if (await FollowUpResults.ForAsync(db, respondent.Wave, now, ct) is { } state)
        {
            db.Publish(state, now);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
