using System.Security.Claims;
using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Templates;
using Coordination.Surveys.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Features.SaveSurvey;

/// <summary>The survey builder: a new survey from a template (or blank), its settings, its
/// questions one by one (add, edit, move, remove), deleting an unanswered survey, the open link;
/// and the same through POST/PUT/DELETE /api/v1/surveys.</summary>
internal sealed class SaveSurveyEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record Saved(Guid Id, int Version, bool NewVersion);

    public sealed record FromTemplateInput(Guid? NetworkId, string? Template);

    public sealed record OpenLinkResponse(string? Url);

    public sealed record NewModel(Guid? NetworkId, string? Template, List<KnownNetwork> Networks, FormErrors Errors);

    public sealed record SettingsModel(Guid Id, SurveyInput Input, bool HasResponses, List<KnownNetwork> Networks, FormErrors Errors);

    /// <summary>The question form; <paramref name="Key"/> is null when adding. Statement lines are for a new matrix.</summary>
    public sealed record QuestionModel(Guid SurveyId, string SurveyTitle, string? Key, QuestionInput Input, string? Statements, bool HasResponses, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/surveys").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/new", async (Guid? networkId, string? template, SurveysDbContext db, CancellationToken ct) =>
            new RazorComponentResult<NewSurveyPage>(new { Model = new NewModel(networkId, template, await NetworksAsync(db, ct), FormErrors.None) }));
        pages.MapPost("/new", async Task<IResult> (IFormCollection form, SurveySaver saver, SurveysDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SurveysStrings> l, CancellationToken ct) =>
        {
            var template = form.Text("template");
            var input = Start(template, form.Id("networkId"), clock.GetUtcNow().UtcDateTime, l);
            var (id, errors) = input is null ? (null, new FormErrors(new Dictionary<string, string[]> { ["template"] = [l["TemplateUnknown"]] })) : await saver.CreateAsync(input, user.UserId(), ct, SurveyTemplates.Find(template)?.Name);
            return id is { } created
                ? TypedResults.Redirect($"/surveys/{created}?saved=created")
                : new RazorComponentResult<NewSurveyPage>(new { Model = new NewModel(form.Id("networkId"), template, await NetworksAsync(db, ct), errors) }) { StatusCode = StatusCodes.Status400BadRequest };
        });
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, SurveysDbContext db, CancellationToken ct) =>
            await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } s
                ? await SettingsAsync(db, id, SurveyInput.From(s), FormErrors.None, ct)
                : TypedResults.NotFound());
        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var current = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
            if (current is null)
            {
                return TypedResults.NotFound();
            }

            var input = SurveyInput.From(current) with
            {
                NetworkId = form.Id("networkId"), Title = form.LocalizedText("title"), Intro = form.LocalizedText("intro"), OpensAt = form.Text("opensAt"),
                ClosesAt = form.Text("closesAt"), Anonymous = form.Text("anonymous") == "true", RemindEveryDays = form.Number("remindEveryDays"),
            };
            var result = (await saver.UpdateAsync(id, input, user.UserId(), ct))!;
            return result.Id is { } saved ? Done(saved, result.NewVersion) : await SettingsAsync(db, id, input, result.Errors, ct, StatusCodes.Status400BadRequest);
        });
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
        pages.MapPost("/{id:guid}/delete", async Task<IResult> (Guid id, IFormCollection form, SurveySaver saver, ClaimsPrincipal user, CancellationToken ct) =>
            await saver.DeleteAsync(id, user.UserId(), ct) switch
            {
                null => TypedResults.NotFound(),
                true => TypedResults.Redirect("/surveys?saved=deleted"),
                false => TypedResults.Redirect($"/surveys/{id}?saved=notDeleted"),
            });
        pages.MapPost("/{id:guid}/open-link", async Task<IResult> (Guid id, IFormCollection form, SurveySaver saver, ClaimsPrincipal user, CancellationToken ct) =>
            (await saver.SetOpenLinkAsync(id, form.Text("on") == "true", user.UserId(), ct)).Found ? TypedResults.Redirect($"/surveys/{id}?saved=openLink#distribution") : TypedResults.NotFound());

        var api = app.MapGroup("/api/v1/surveys").RequireAuthorization(Policies.Coordinator).WithTags("Surveys");
        api.MapPost("/", async Task<Results<Created<Created>, ValidationProblem>> (SurveyInput input, SurveySaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (id, errors) = await saver.CreateAsync(input, user.UserId(), ct);
                return id is { } created ? TypedResults.Created($"/api/v1/surveys/{created}", new Created(created)) : ApiResults.Invalid(errors, shared);
            })
            .WithSummary("Creates a survey: questions of types likert (1–5, cantSay optional), single, multi, text, number");
        api.MapPost("/from-template", async Task<Results<Created<Created>, ValidationProblem>> (FromTemplateInput input, SurveySaver saver, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SurveysStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var template = SurveyTemplates.Find(input.Template);
                if (template is null)
                {
                    return ApiResults.Invalid(new FormErrors(new Dictionary<string, string[]> { ["template"] = [l["TemplateUnknown"]] }), shared);
                }

                var (id, errors) = await saver.CreateAsync(SurveySaver.FromTemplate(template, input.NetworkId, clock.GetUtcNow().UtcDateTime), user.UserId(), ct, template.Name);
                return id is { } created ? TypedResults.Created($"/api/v1/surveys/{created}", new Created(created)) : ApiResults.Invalid(errors, shared);
            })
            .WithSummary("Creates a survey from a template (networkFeedback, goalEvaluation, eventFeedback, networkHealth), open for two weeks from now");
        api.MapPut("/{id:guid}", async Task<Results<Ok<Saved>, Created<Saved>, ValidationProblem, ProblemHttpResult>> (Guid id, SurveyInput input, SurveySaver saver, SurveysDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var result = await saver.UpdateAsync(id, input, user.UserId(), ct);
                if (result is null)
                {
                    return ApiResults.NotFound();
                }

                if (result.Id is not { } saved)
                {
                    return ApiResults.Invalid(result.Errors, shared);
                }

                var version = await db.Surveys.Where(s => s.Id == saved).Select(s => s.Version).SingleAsync(ct);
                return result.NewVersion
                    ? TypedResults.Created($"/api/v1/surveys/{saved}", new Saved(saved, version, true))
                    : TypedResults.Ok(new Saved(saved, version, false));
            })
            .WithSummary("Edits a survey; a survey with responses is frozen, so the edit becomes a new version (201 with its id)");
        api.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, SurveySaver saver, ClaimsPrincipal user, IStringLocalizer<SurveysStrings> l, CancellationToken ct) =>
                await saver.DeleteAsync(id, user.UserId(), ct) switch
                {
                    null => ApiResults.NotFound(),
                    true => TypedResults.NoContent(),
                    false => ApiResults.Conflict(l["DeleteHasResponses"]),
                })
            .WithSummary("Deletes a survey nobody has answered (409 if it has responses)");
        api.MapPost("/{id:guid}/open-link", async Task<Results<Ok<OpenLinkResponse>, ProblemHttpResult>> (Guid id, SurveySaver saver, ClaimsPrincipal user, Microsoft.Extensions.Configuration.IConfiguration configuration, CancellationToken ct) =>
                await saver.SetOpenLinkAsync(id, true, user.UserId(), ct) is { Found: true, Slug: var slug }
                    ? TypedResults.Ok(new OpenLinkResponse($"{PublicUrl.Base(configuration)}/s/open/{slug}"))
                    : ApiResults.NotFound())
            .WithSummary("Turns on the survey's open link (anyone with it may answer; responses are not linked to anyone)");
        api.MapDelete("/{id:guid}/open-link", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, SurveySaver saver, ClaimsPrincipal user, CancellationToken ct) =>
                (await saver.SetOpenLinkAsync(id, false, user.UserId(), ct)).Found ? TypedResults.NoContent() : ApiResults.NotFound())
            .WithSummary("Turns the open link off");
    }

    /// <summary>A new survey's starting point: a template, or a blank survey with one statement to edit.</summary>
    private static SurveyInput? Start(string? template, Guid? networkId, DateTime now, IStringLocalizer<SurveysStrings> l)
    {
        if (template == "blank")
        {
            var blank = new SurveyTemplate("blank", new LocalizedTextInput(l["BlankTitle"], null, null), new LocalizedTextInput(null, null, null), false,
                [new QuestionInput("q1", "likert", new LocalizedTextInput(l["BlankStatement"], null, null), CantSay: true)]);
            return SurveySaver.FromTemplate(blank, networkId, now);
        }

        return SurveyTemplates.Find(template) is { } t ? SurveySaver.FromTemplate(t, networkId, now) : null;
    }

    private static IResult Done(Guid id, bool newVersion) => TypedResults.Redirect($"/surveys/{id}?saved={(newVersion ? "newVersion" : "updated")}");

    private static async Task<List<KnownNetwork>> NetworksAsync(SurveysDbContext db, CancellationToken ct)
        => await db.Networks.AsNoTracking().OrderBy(n => n.NameFi).ToListAsync(ct);

    private static async Task<IResult> SettingsAsync(SurveysDbContext db, Guid id, SurveyInput input, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<SurveySettingsPage>(new
        {
            Model = new SettingsModel(id, input, await db.Responses.AnyAsync(r => r.SurveyId == id, ct), await NetworksAsync(db, ct), errors),
        })
        { StatusCode = status };

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
            return Done(saved, result.NewVersion);
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
        return result!.Id is { } saved ? Done(saved, result.NewVersion) : TypedResults.Redirect($"/surveys/{id}?saved=lastQuestion");
    }

    private static double? Number(IFormCollection form, string name)
        => double.TryParse(form.Text(name)?.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
