using System.Globalization;
using System.Text.Json;
using Carter;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.SaveSurvey;
using Coordination.Surveys.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Surveys.Authoring;

namespace Coordination.Surveys.Features.Answering;

/// <summary>Answering: the personal link /s/{token} and the open link /s/open/{slug} (forms that
/// work without JavaScript, in the invitee's language), the coordinator's preview, and
/// POST /api/v1/surveys/responses.</summary>
internal sealed class AnsweringEndpoints : ICarterModule
{
    public sealed record ResponseInput(string? Token, Dictionary<string, JsonElement>? Answers, bool? Draft = null);

    public sealed record OpenResponseInput(Dictionary<string, JsonElement>? Answers);

    public sealed record Recorded(string Status);

    public sealed record SurveyForRespondent(string Title, string Intro, bool Anonymous, DateTime ClosesAt, string State, List<QuestionInput> Questions, Dictionary<string, List<string>> Saved);

    public sealed record AnswerModel(Survey Survey, string PostUrl, Dictionary<string, List<string>> Values, FormErrors Errors, bool Preview, bool CanSave, string? Notice);

    public sealed record DoneModel(AnswerOutcome Outcome, string? Title, DateTime? OpensAt);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{token}", async Task<IResult> (string token, HttpRequest request, ResponseRecorder recorder, CancellationToken ct) =>
            {
                var respondent = await recorder.FindAsync(token, ct);
                if (respondent is null)
                {
                    return Done(AnswerOutcome.NotFound, null);
                }

                // The invitee's language, unless they have chosen one on the site.
                if (respondent.Invitation!.Language != "fi" && !request.Query.ContainsKey("culture") && !request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
                {
                    return TypedResults.Redirect($"/s/{Uri.EscapeDataString(token)}?culture={respondent.Invitation.Language}");
                }

                return recorder.Gate(respondent) is { } closed
                    ? Done(closed, respondent.Survey)
                    : Form(respondent, $"/s/{Uri.EscapeDataString(token)}", await recorder.DraftAsync(respondent, ct), FormErrors.None, null);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost("/s/{token}", async Task<IResult> (string token, IFormCollection form, ResponseRecorder recorder, CancellationToken ct) =>
            {
                var respondent = await recorder.FindAsync(token, ct);
                return respondent is null
                    ? Done(AnswerOutcome.NotFound, null)
                    : await RecordFormAsync(respondent, $"/s/{Uri.EscapeDataString(token)}", form, recorder, ct);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();
        app.MapGet("/s/open/{slug}", async Task<IResult> (string slug, ResponseRecorder recorder, CancellationToken ct) =>
            {
                var respondent = await recorder.FindOpenAsync(slug, ct);
                return respondent is null ? Done(AnswerOutcome.NotFound, null)
                    : recorder.Gate(respondent) is { } closed ? Done(closed, respondent.Survey)
                    : Form(respondent, $"/s/open/{Uri.EscapeDataString(slug)}", [], FormErrors.None, null);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost("/s/open/{slug}", async Task<IResult> (string slug, IFormCollection form, ResponseRecorder recorder, CancellationToken ct) =>
            {
                var respondent = await recorder.FindOpenAsync(slug, ct);
                return respondent is null ? Done(AnswerOutcome.NotFound, null) : await RecordFormAsync(respondent, $"/s/open/{Uri.EscapeDataString(slug)}", form, recorder, ct);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();
        app.MapGet("/surveys/{id:guid}/preview", async Task<IResult> (Guid id, SurveysDbContext db, CancellationToken ct) =>
                await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } survey
                    ? new RazorComponentResult<AnswerPage>(new { Model = new AnswerModel(survey, $"/surveys/{id}/preview", [], FormErrors.None, true, !survey.Anonymous, null) })
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        app.MapGet("/api/v1/surveys/responses/{token}", async Task<Results<Ok<SurveyForRespondent>, ProblemHttpResult>> (string token, ResponseRecorder recorder, TimeProvider clock, CancellationToken ct) =>
            {
                var respondent = await recorder.FindAsync(token, ct);
                if (respondent is null)
                {
                    return ApiResults.NotFound();
                }

                var s = respondent.Survey;
                return TypedResults.Ok(new SurveyForRespondent(
                    s.Title.InCurrentCulture().Text, s.Intro.InCurrentCulture().Text, s.Anonymous, s.ClosesAt, EnumText.Of(s.StateAt(clock.GetUtcNow().UtcDateTime)),
                    [.. s.Questions.Select(QuestionInput.From)], await recorder.DraftAsync(respondent, ct)));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithTags("Surveys")
            .WithSummary("The survey behind a personal link, with the answers saved so far");
        app.MapPost("/api/v1/surveys/responses", async Task<IResult> (ResponseInput input, ResponseRecorder recorder, IStringLocalizer<SurveysStrings> l, IStringLocalizer<Shared.Localization.SharedStrings> shared, CancellationToken ct) =>
            {
                var respondent = string.IsNullOrWhiteSpace(input.Token) ? null : await recorder.FindAsync(input.Token, ct);
                if (respondent is null)
                {
                    return ApiResults.NotFound(l["LinkUnknown"]);
                }

                return ApiOutcome(await recorder.RecordAsync(respondent, AnswerParser.FromJson(input.Answers), submit: input.Draft != true, ct), respondent.Survey, l, shared);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithTags("Surveys")
            .WithSummary("Answers through a personal link: { token, answers: { key: value } } → 201; draft: true saves for later (identified surveys). Used link or a survey not yet opened (draft) 409, outside the window 410, invalid answers 400");
        app.MapPost("/api/v1/surveys/open/{slug}/responses", async Task<IResult> (string slug, OpenResponseInput input, ResponseRecorder recorder, IStringLocalizer<SurveysStrings> l, IStringLocalizer<Shared.Localization.SharedStrings> shared, CancellationToken ct) =>
                await recorder.FindOpenAsync(slug, ct) is { } respondent
                    ? ApiOutcome(await recorder.RecordAsync(respondent, AnswerParser.FromJson(input.Answers), submit: true, ct), respondent.Survey, l, shared)
                    : ApiResults.NotFound(l["LinkUnknown"]))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithTags("Surveys")
            .WithSummary("Answers through a survey's open link → 201");
    }

    private static IResult ApiOutcome(AnswerResult result, Survey survey, IStringLocalizer<SurveysStrings> l, IStringLocalizer<Shared.Localization.SharedStrings> shared) => result.Outcome switch
    {
        AnswerOutcome.Submitted => TypedResults.Created((string?)null, new Recorded("submitted")),
        AnswerOutcome.Saved => TypedResults.Ok(new Recorded("saved")),
        AnswerOutcome.Invalid => ApiResults.Invalid(result.Errors, shared),
        AnswerOutcome.AlreadyAnswered => ApiResults.Conflict(l["AlreadyAnswered"]),
        AnswerOutcome.DraftsNotAllowed => TypedResults.Problem(detail: l["DraftsNotAllowed"], statusCode: StatusCodes.Status400BadRequest),
        AnswerOutcome.NotOpenYet => TypedResults.Problem(detail: NotOpenMessage(survey, l), statusCode: StatusCodes.Status410Gone),
        AnswerOutcome.NotOpened => ApiResults.Conflict(l["SurveyNotOpenedMessage"]),
        AnswerOutcome.Closed => TypedResults.Problem(detail: l["SurveyClosedMessage"], statusCode: StatusCodes.Status410Gone),
        _ => ApiResults.NotFound(l["LinkUnknown"]),
    };

    public static string NotOpenMessage(Survey survey, IStringLocalizer<SurveysStrings> l)
        => string.Format(CultureInfo.CurrentCulture, l["SurveyNotOpenMessage"], Shared.Localization.HelsinkiTime.FormatDateTime(survey.OpensAt));

    private static async Task<IResult> RecordFormAsync(Respondent respondent, string postUrl, IFormCollection form, ResponseRecorder recorder, CancellationToken ct)
    {
        var raw = AnswerParser.FromForm(form);
        var result = await recorder.RecordAsync(respondent, raw, submit: form.Text("action") != "save", ct);
        return result.Outcome switch
        {
            AnswerOutcome.Invalid => Form(respondent, postUrl, raw, result.Errors, null, StatusCodes.Status400BadRequest),
            AnswerOutcome.Saved => Form(respondent, postUrl, raw, FormErrors.None, "saved"),
            var outcome => Done(outcome, respondent.Survey),
        };
    }

    private static RazorComponentResult<AnswerPage> Form(Respondent respondent, string postUrl, Dictionary<string, List<string>> values, FormErrors errors, string? notice, int status = StatusCodes.Status200OK)
        => new(new { Model = new AnswerModel(respondent.Survey, postUrl, values, errors, false, respondent.Invitation is not null && !respondent.Survey.Anonymous, notice) }) { StatusCode = status };

    private static RazorComponentResult<AnswerDonePage> Done(AnswerOutcome outcome, Survey? survey) => new(new
    {
        Model = new DoneModel(outcome, survey?.Title.InCurrentCulture().Text, survey?.OpensAt),
    })
    {
        StatusCode = outcome switch
        {
            AnswerOutcome.Submitted => StatusCodes.Status200OK,
            AnswerOutcome.AlreadyAnswered or AnswerOutcome.NotOpened => StatusCodes.Status409Conflict,
            AnswerOutcome.Closed or AnswerOutcome.NotOpenYet => StatusCodes.Status410Gone,
            AnswerOutcome.DraftsNotAllowed => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status404NotFound,
        },
    };
}
