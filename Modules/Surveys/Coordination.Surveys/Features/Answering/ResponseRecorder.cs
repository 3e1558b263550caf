using System.Text.Json;
using Coordination.Shared.Web;
using Coordination.Surveys.Anonymity;
using Coordination.Surveys.Contracts;
using Coordination.Surveys.Data;
using Coordination.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Surveys.Mailing;

namespace Coordination.Surveys.Features.Answering;

internal enum AnswerOutcome
{
    Submitted,
    Saved,
    Invalid,
    NotFound,
    NotOpenYet,

    /// <summary>A draft: not opened by a coordinator, so no opening time to promise.</summary>
    NotOpened,
    Closed,
    AlreadyAnswered,
    DraftsNotAllowed,
}

internal sealed record AnswerResult(AnswerOutcome Outcome, FormErrors Errors, Guid? ResponseId = null);

/// <summary>Who is answering: through a personal invitation, or the survey's open link.</summary>
internal sealed record Respondent(Survey Survey, Invitation? Invitation);

/// <summary>Records answers. A personal link can be submitted once: the invitation is marked
/// answered by a conditional update in the same transaction as the response, so two tabs
/// submitting at once make one response and one 409. An anonymous response gets a random id and
/// keeps neither the invitation, the person nor the time, and its project only when that project
/// has at least the minimum group size of invitees (<see cref="GroupRules"/>).</summary>
internal sealed class ResponseRecorder(SurveysDbContext db, InvitationTokens tokens, TimeProvider clock, GroupRules rules, IStringLocalizer<SurveysStrings> l)
{
    public async Task<Respondent?> FindAsync(string token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } invitationId)
        {
            return null;
        }

        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        var survey = invitation is null ? null : await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == invitation.SurveyId, ct);
        return survey is null ? null : new Respondent(survey, invitation);
    }

    public async Task<Respondent?> FindOpenAsync(string slug, CancellationToken ct)
        => await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.OpenLinkSlug == slug, ct) is { } survey ? new Respondent(survey, null) : null;

    /// <summary>The answers saved so far (identified surveys), as raw values per question.</summary>
    public async Task<Dictionary<string, List<string>>> DraftAsync(Respondent respondent, CancellationToken ct)
    {
        if (respondent.Invitation is null || respondent.Survey.Anonymous)
        {
            return [];
        }

        var json = await db.Responses.Where(r => r.InvitationId == respondent.Invitation.Id && r.Status == ResponseStatus.Draft)
            .Select(r => r.DraftJson).SingleOrDefaultAsync(ct);
        return json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? [];
    }

    public AnswerOutcome? Gate(Respondent respondent)
    {
        var state = respondent.Survey.StateAt(clock.GetUtcNow().UtcDateTime);
        return state switch
        {
            SurveyState.Draft => AnswerOutcome.NotOpened,
            SurveyState.Scheduled => AnswerOutcome.NotOpenYet,
            SurveyState.Closed => AnswerOutcome.Closed,
            _ when respondent.Invitation?.Responded == true => AnswerOutcome.AlreadyAnswered,
            _ => null,
        };
    }

    public async Task<AnswerResult> RecordAsync(Respondent respondent, Dictionary<string, List<string>> raw, bool submit, CancellationToken ct)
    {
        if (Gate(respondent) is { } closed)
        {
            return new AnswerResult(closed, FormErrors.None);
        }

        var survey = respondent.Survey;
        var invitation = respondent.Invitation;
        if (!submit && (invitation is null || survey.Anonymous))
        {
            return new AnswerResult(AnswerOutcome.DraftsNotAllowed, FormErrors.None);
        }

        var (answers, errors) = AnswerParser.Parse(survey.Questions, raw, requireAll: submit, l);
        if (!errors.IsEmpty)
        {
            return new AnswerResult(AnswerOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!submit)
        {
            var draft = await DraftRowAsync(invitation!, ct);
            draft.DraftJson = JsonSerializer.Serialize(raw.Where(r => r.Value.Count > 0).ToDictionary());
            draft.SavedAt = now;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new AnswerResult(AnswerOutcome.Saved, errors, draft.Id);
        }

        if (invitation is not null
            && await db.Invitations.Where(i => i.Id == invitation.Id && !i.Responded).ExecuteUpdateAsync(u => u.SetProperty(i => i.Responded, true), ct) == 0)
        {
            return new AnswerResult(AnswerOutcome.AlreadyAnswered, errors);
        }

        Response response;
        if (survey.Anonymous || invitation is null)
        {
            // Random id (not time-ordered), no invitation, no person, no time.
            var project = invitation is null ? null : survey.Anonymous ? await rules.AnonymousProjectAsync(db, invitation, ct) : invitation.ProjectId;
            response = new Response { Id = Guid.NewGuid(), SurveyId = survey.Id, ProjectId = project, Status = ResponseStatus.Submitted };
            db.Responses.Add(response);
        }
        else
        {
            response = await DraftRowAsync(invitation, ct);
            response.Status = ResponseStatus.Submitted;
            response.SubmittedAt = now;
            response.DraftJson = null;
        }

        // The first answer to an event's feedback survey ends the organiser's undo of "marked held" (Events).
        if (survey.EventId is { } eventId && !await db.Responses.AnyAsync(r => r.SurveyId == survey.Id && r.Status == ResponseStatus.Submitted, ct))
        {
            db.Publish(new EventFeedbackAnswered(survey.Id, eventId, survey.NetworkId), now);
        }

        foreach (var (key, answer) in answers)
        {
            if (answer.Values.Count == 0)
            {
                db.Answers.Add(new Answer { ResponseId = response.Id, SurveyId = survey.Id, ProjectId = response.ProjectId, QuestionKey = key, CantSay = answer.CantSay, Text = answer.Text });
                continue;
            }

            for (var i = 0; i < answer.Values.Count; i++)
            {
                db.Answers.Add(new Answer { ResponseId = response.Id, SurveyId = survey.Id, ProjectId = response.ProjectId, QuestionKey = key, Ordinal = i, Value = answer.Values[i] });
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AnswerResult(AnswerOutcome.Submitted, errors, response.Id);
    }

    private async Task<Response> DraftRowAsync(Invitation invitation, CancellationToken ct)
    {
        var row = await db.Responses.SingleOrDefaultAsync(r => r.InvitationId == invitation.Id, ct);
        if (row is null)
        {
            row = new Response
            {
                Id = Guid.CreateVersion7(), SurveyId = invitation.SurveyId, InvitationId = invitation.Id, Email = invitation.Email, Name = invitation.Name,
                ProjectId = invitation.ProjectId, Status = ResponseStatus.Draft,
            };
            db.Responses.Add(row);
        }

        return row;
    }
}
