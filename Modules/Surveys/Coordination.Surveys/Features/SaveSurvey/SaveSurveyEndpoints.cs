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

/// <summary>The survey builder: a new survey from a template (or blank), its settings, deleting an
/// unanswered survey, the open link; and the same through POST/PUT/DELETE /api/v1/surveys. The
/// questions are edited one by one in <see cref="QuestionEndpoints"/>.</summary>
internal sealed class SaveSurveyEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record Saved(Guid Id, int Version, bool NewVersion);

    public sealed record FromTemplateInput(Guid? NetworkId, string? Template);

    public sealed record OpenLinkResponse(string? Url);

    public sealed record NewModel(Guid? NetworkId, string? Template, List<KnownNetwork> Networks, FormErrors Errors);

    public sealed record SettingsModel(Guid Id, SurveyInput Input, bool HasResponses, List<KnownNetwork> Networks, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/surveys").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/new", async Task<IResult> (Guid? networkId, string? template, SurveysDbContext db, CancellationToken ct) =>
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

    /// <summary>Back to the survey after a save (its questions' slice too).</summary>
    internal static IResult Done(Guid id, bool newVersion) => TypedResults.Redirect($"/surveys/{id}?saved={(newVersion ? "newVersion" : "updated")}");

    private static async Task<List<KnownNetwork>> NetworksAsync(SurveysDbContext db, CancellationToken ct)
        => await db.Networks.AsNoTracking().OrderBy(n => n.NameFi).ToListAsync(ct);

    private static async Task<IResult> SettingsAsync(SurveysDbContext db, Guid id, SurveyInput input, FormErrors errors, CancellationToken ct, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<SurveySettingsPage>(new
        {
            Model = new SettingsModel(id, input, await db.Responses.AnyAsync(r => r.SurveyId == id, ct), await NetworksAsync(db, ct), errors),
        })
        { StatusCode = status };
}
