using System.Globalization;
using System.Security.Cryptography;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Authoring;

/// <summary>The result of an edit: the survey's id (a new one when the edit made a new version).</summary>
internal sealed record SaveResult(Guid? Id, bool NewVersion, FormErrors Errors);

/// <summary>Creates surveys (also from a template), edits them (a survey with responses is frozen:
/// the edit becomes a new version), deletes unanswered ones and turns the open link on and off.</summary>
internal sealed class SurveySaver(SurveysDbContext db, IValidator<SurveyInput> validator, TimeProvider clock, IStringLocalizer<SurveysStrings> l)
{
    /// <summary>A new survey is a draft until a coordinator opens it; <paramref name="publish"/>: opened
    /// at once, for what the system makes because someone asked for it (an event's feedback).</summary>
    public async Task<(Guid? Id, FormErrors Errors)> CreateAsync(SurveyInput input, string? userId, CancellationToken ct, string? template = null, Guid? eventId = null, bool publish = false)
    {
        input = QuestionKeys.Fill(input);
        var errors = await ValidateAsync(input, ct);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new Survey { Id = Guid.CreateVersion7(), CreatedAt = now, CreatedBy = userId, Template = template, EventId = eventId, PublishedAt = publish ? now : null };
        survey.SeriesId = survey.Id;
        Apply(survey, input);
        db.Surveys.Add(survey);
        db.Audit(userId, "CreateSurvey", nameof(Survey), survey.Id.ToString(), survey.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return (survey.Id, errors);
    }

    /// <summary>A template's questions with a window from now for two weeks (Helsinki time).</summary>
    public static SurveyInput FromTemplate(SurveyTemplate template, Guid? networkId, DateTime now) => new(
        networkId, template.Title, Shared.Localization.HelsinkiTime.LocalInput(now), Shared.Localization.HelsinkiTime.LocalInput(now.AddDays(14)),
        template.Questions, template.Intro, template.Anonymous, RemindEveryDays: 7);

    public async Task<SaveResult?> UpdateAsync(Guid id, SurveyInput input, string? userId, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }

        input = QuestionKeys.Fill(input);
        var errors = await ValidateAsync(input, ct);
        if (!errors.IsEmpty)
        {
            return new SaveResult(null, false, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Responses.AnyAsync(r => r.SurveyId == id, ct))
        {
            var latest = await db.Surveys.Where(s => s.SeriesId == survey.SeriesId).MaxAsync(s => s.Version, ct);
            var next = new Survey
            {
                Id = Guid.CreateVersion7(), SeriesId = survey.SeriesId, Version = latest + 1, CreatedAt = now, CreatedBy = userId,
                Template = survey.Template, EventId = survey.EventId, PublishedAt = survey.PublishedAt is null ? null : now,
            };
            Apply(next, input);
            db.Surveys.Add(next);
            db.Audit(userId, "NewSurveyVersion", nameof(Survey), next.Id.ToString(), next.Title.Fi + " v" + next.Version.ToString(CultureInfo.InvariantCulture), now);
            await db.SaveChangesAsync(ct);
            return new SaveResult(next.Id, true, errors);
        }

        Apply(survey, input);
        if (survey.ClosedAt is not null && survey.ClosesAt > now)
        {
            survey.ClosedAt = null; // the window was moved on: open again
        }

        db.Audit(userId, "EditSurvey", nameof(Survey), survey.Id.ToString(), survey.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return new SaveResult(survey.Id, false, errors);
    }

    /// <summary>Deletes a survey nobody has answered (with its invitations); false if it has answers.</summary>
    public async Task<bool?> DeleteAsync(Guid id, string? userId, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }

        if (await db.Responses.AnyAsync(r => r.SurveyId == id, ct))
        {
            return false;
        }

        db.Surveys.Remove(survey);
        db.Audit(userId, "DeleteSurvey", nameof(Survey), id.ToString(), survey.Title.Fi, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Turns the open link on (a new random slug) or off; returns the slug.</summary>
    public async Task<(bool Found, string? Slug)> SetOpenLinkAsync(Guid id, bool on, string? userId, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return (false, null);
        }

        survey.OpenLinkSlug = on ? survey.OpenLinkSlug ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) : null;
        db.Audit(userId, on ? "OpenLinkOn" : "OpenLinkOff", nameof(Survey), id.ToString(), survey.Title.Fi, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (true, survey.OpenLinkSlug);
    }

    private async Task<FormErrors> ValidateAsync(SurveyInput input, CancellationToken ct)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (input.NetworkId is { } networkId && !await db.Networks.AnyAsync(n => n.NetworkId == networkId, ct))
        {
            errors.Add("networkId", l["NetworkUnknown"]);
        }

        return errors;
    }

    private static void Apply(Survey survey, SurveyInput input)
    {
        survey.NetworkId = input.NetworkId!.Value;
        survey.Title = input.Title!.ToText();
        survey.Intro = (input.Intro ?? new LocalizedTextInput(null, null, null)).ToText();
        survey.Anonymous = input.Anonymous;
        survey.OpensAt = input.Opens!.Value;
        survey.ClosesAt = input.Closes!.Value;
        survey.RemindEveryDays = input.RemindEveryDays;
        survey.Questions = [.. input.Questions!.Select(q => q.ToQuestion())];
    }
}
