using System.Security.Claims;
using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Surveys.Authoring;

namespace Coordination.Surveys.Features.SaveSurvey;

/// <summary>The builder's questions one by one: add (a statement matrix as one Likert question
/// per line), edit, move, remove; every change is a survey save through <see cref="SurveySaver"/>.</summary>
internal sealed class QuestionEndpoints : ICarterModule
{
    /// <summary>The question form; <paramref name="Key"/> is null when adding. Statement lines are for a new matrix.</summary>
    public sealed record QuestionModel(Guid SurveyId, string SurveyTitle, string? Key, QuestionInput Input, string? Statements, bool HasResponses, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/surveys").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/{id:guid}/questions/new", async Task<IResult> (Guid id, string? type, SurveysDbContext db, CancellationToken ct) =>
            await QuestionPageAsync(db, id, null, new QuestionInput(null, type ?? "likert", null, CantSay: true, Required: false), null, FormErrors.None, ct) ?? TypedResults.NotFound());
        pages.MapGet("/{id:guid}/questions/{key}", async Task<IResult> (Guid id, string key, SurveysDbContext db, CancellationToken ct) =>
            await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } s && s.Questions.FirstOrDefault(q => q.Key == key) is { } q
                ? (await QuestionPageAsync(db, id, key, QuestionInput.From(q), null, FormErrors.None, ct))!
                : TypedResults.NotFound());
        pages.MapPost("/{id:guid}/questions/new", (Guid id, IFormCollection form, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, IStringLocalizer<SurveysStrings> l, CancellationToken ct) =>
            SaveQuestionAsync(id, null, form, saver, db, user, l, ct));
        pages.MapPost("/{id:guid}/questions/{key}", (Guid id, string key, IFormCollection form, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, IStringLocalizer<SurveysStrings> l, CancellationToken ct) =>
            SaveQuestionAsync(id, key, form, saver, db, user, l, ct));
        pages.MapPost("/{id:guid}/questions/{key}/move", async Task<IResult> (Guid id, string key, IFormCollection form, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            await ChangeQuestionsAsync(id, saver, db, user, questions =>
            {
                var index = questions.FindIndex(q => q.Key == key);
                var to = index + (form.Text("direction") == "up" ? -1 : 1);
                if (index >= 0 && to >= 0 && to < questions.Count)
                {
                    (questions[index], questions[to]) = (questions[to], questions[index]);
                }
            }, ct));
        pages.MapPost("/{id:guid}/questions/{key}/delete", async Task<IResult> (Guid id, string key, IFormCollection form, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            await ChangeQuestionsAsync(id, saver, db, user, questions => questions.RemoveAll(q => q.Key == key), ct));
    }

    private static async Task<IResult?> QuestionPageAsync(SurveysDbContext db, Guid id, string? key, QuestionInput input, string? statements, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return survey is null ? null : new RazorComponentResult<QuestionFormPage>(new
        {
            Model = new QuestionModel(id, survey.Title.InCurrentCulture().Text, key, input, statements, await db.Responses.AnyAsync(r => r.SurveyId == id, ct), errors),
        })
        { StatusCode = status };
    }

    private static async Task<IResult> SaveQuestionAsync(Guid id, string? key, IFormCollection form, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, IStringLocalizer<SurveysStrings> l, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null || (key is not null && survey.Questions.All(q => q.Key != key)))
        {
            return TypedResults.NotFound();
        }

        var type = form.Text("type");
        var question = new QuestionInput(
            form.Text("key"), type == "matrix" ? "likert" : type, form.LocalizedText("text"),
            [.. form.Lines("options.fi").Select((fi, i) => new LocalizedTextInput(fi, form.Lines("options.sv").ElementAtOrDefault(i), form.Lines("options.en").ElementAtOrDefault(i)))],
            form.Text("cantSay") == "true", form.Text("required") == "true", form.LocalizedText("section"), form.Text("matrix"),
            form.LocalizedText("lowLabel"), form.LocalizedText("highLabel"), Number(form, "min"), Number(form, "max"));
        var statements = form.Text("statements.fi");
        var added = new List<QuestionInput>();
        if (key is null && type == "matrix")
        {
            // A new statement matrix: one Likert question per statement line, keys key1, key2, …
            // Without a key each statement's key comes from its text, and the matrix is named after the first.
            var fi = form.Lines("statements.fi");
            var blank = string.IsNullOrWhiteSpace(question.Key);
            var matrix = !string.IsNullOrWhiteSpace(question.Matrix) ? question.Matrix : blank ? QuestionKeys.Slug(fi.FirstOrDefault()) : question.Key;
            added.AddRange(fi.Select((text, i) => question with
            {
                Key = blank ? null : $"{question.Key}{i + 1}",
                Text = new LocalizedTextInput(text, form.Lines("statements.sv").ElementAtOrDefault(i), form.Lines("statements.en").ElementAtOrDefault(i)),
                Matrix = matrix,
                Section = i == 0 ? question.Section : null,
            }));
        }
        else
        {
            added.Add(question);
        }

        if (added.Count == 0)
        {
            return (await QuestionPageAsync(db, id, key, question with { Type = type }, statements,
                new FormErrors(new Dictionary<string, string[]> { ["statements.fi"] = [l["StatementsRequired"]] }), ct, StatusCodes.Status400BadRequest))!;
        }

        var input = SurveyInput.From(survey);
        var questions = input.Questions!;
        var at = key is null ? questions.Count : questions.FindIndex(q => q.Key == key);
        if (key is not null)
        {
            questions.RemoveAt(at);
        }

        questions.InsertRange(at, added);
        var result = await saver.UpdateAsync(id, input, user.UserId(), ct);
        if (result!.Id is { } saved)
        {
            return SaveSurveyEndpoints.Done(saved, result.NewVersion);
        }

        // Errors of the changed questions are shown beside this form's fields.
        var errors = new FormErrors();
        foreach (var (field, messages) in result.Errors.All)
        {
            var local = Enumerable.Range(at, Math.Max(1, added.Count)).Select(i => $"questions[{i}].").FirstOrDefault(p => field.StartsWith(p, StringComparison.Ordinal));
            var name = local is not null ? field[local.Length..] : field == "questions" ? (added.Count > 1 || type == "matrix" ? "statements.fi" : "key") : field;
            if (type == "matrix" && name == "text.fi")
            {
                name = "statements.fi";
            }

            foreach (var message in messages)
            {
                errors.Add(name, message);
            }
        }

        return (await QuestionPageAsync(db, id, key, question with { Type = type }, statements, errors, ct, StatusCodes.Status400BadRequest))!;
    }

    private static async Task<IResult> ChangeQuestionsAsync(Guid id, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, Action<List<QuestionInput>> change, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return TypedResults.NotFound();
        }

        var input = SurveyInput.From(survey);
        change(input.Questions!);
        var result = await saver.UpdateAsync(id, input, user.UserId(), ct);
        return result!.Id is { } saved ? SaveSurveyEndpoints.Done(saved, result.NewVersion) : TypedResults.Redirect($"/surveys/{id}?saved=lastQuestion");
    }

    private static double? Number(IFormCollection form, string name)
        => double.TryParse(form.Text(name)?.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
