using Carter;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Coordination.Surveys.Analysis;

namespace Coordination.Surveys.Features.Results;

/// <summary>Results for coordinators and funders (Monitoring policy): figures per question,
/// project breakdowns above the minimum group size, response rates, open answers, diverging bar
/// charts with tables; and the comparison of two waves with the same statements.</summary>
internal sealed class ResultsEndpoints : ICarterModule
{
    public sealed record ComparedQuestion(string Key, string Type, string Text, GroupQuestion First, GroupQuestion Second, double? MeanChange);

    public sealed record Comparison(Guid FirstId, string FirstTitle, int FirstResponses, Guid SecondId, string SecondTitle, int SecondResponses, List<ComparedQuestion> Questions);

    public sealed record PageModel(SurveyResultsResponse Results, Survey Survey);

    public sealed record CompareModel(Survey Survey, List<Survey> Candidates, Comparison? Comparison);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/surveys/{id:guid}/results", async Task<Results<Ok<SurveyResultsResponse>, ProblemHttpResult>> (Guid id, SurveyResultsCalculator calculator, CancellationToken ct) =>
                await calculator.ComputeAsync(id, ct) is { } results ? TypedResults.Ok(results) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Monitoring)
            .WithTags("Surveys")
            .WithSummary("Results: per question n and mean without \"can't say\" (counted apart), sd, distribution; projects with response rates, figures hidden below the minimum group size; open answers");
        app.MapGet("/surveys/{id:guid}/results", async Task<IResult> (Guid id, SurveysDbContext db, SurveyResultsCalculator calculator, CancellationToken ct) =>
                await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } survey
                    ? new RazorComponentResult<ResultsPage>(new { Model = new PageModel(await calculator.ComputeAsync(survey, ct), survey) })
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();
        app.MapGet("/api/v1/surveys/{id:guid}/compare/{otherId:guid}", async Task<Results<Ok<Comparison>, ProblemHttpResult>> (Guid id, Guid otherId, SurveyResultsCalculator calculator, CancellationToken ct) =>
                await CompareAsync(calculator, id, otherId, ct) is { } comparison ? TypedResults.Ok(comparison) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Monitoring)
            .WithTags("Surveys")
            .WithSummary("Compares two surveys (waves) on the questions they share by key and type");
        app.MapGet("/surveys/{id:guid}/compare", async Task<IResult> (Guid id, Guid? with, SurveysDbContext db, SurveyResultsCalculator calculator, CancellationToken ct) =>
            {
                var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
                if (survey is null)
                {
                    return TypedResults.NotFound();
                }

                var candidates = await db.Surveys.AsNoTracking().Where(s => s.NetworkId == survey.NetworkId && s.Id != id).OrderByDescending(s => s.OpensAt).ToListAsync(ct);
                var keys = survey.Questions.Select(q => q.Key).ToHashSet();
                candidates = [.. candidates.Where(c => c.Questions.Any(q => keys.Contains(q.Key)))];
                var comparison = with is { } other && candidates.Any(c => c.Id == other) ? await CompareAsync(calculator, other, id, ct) : null;
                return new RazorComponentResult<ComparePage>(new { Model = new CompareModel(survey, candidates, comparison) });
            })
            .RequireAuthorization(Policies.Monitoring)
            .ExcludeFromDescription();
    }

    private static async Task<Comparison?> CompareAsync(SurveyResultsCalculator calculator, Guid firstId, Guid secondId, CancellationToken ct)
    {
        var first = await calculator.ComputeAsync(firstId, ct, withGroups: false, withTexts: false);
        var second = await calculator.ComputeAsync(secondId, ct, withGroups: false, withTexts: false);
        if (first is null || second is null)
        {
            return null;
        }

        var earlier = first.Questions.Where(q => q.Type != "text").ToDictionary(q => q.Key);
        var shared = second.Questions
            .Where(q => earlier.TryGetValue(q.Key, out var e) && e.Type == q.Type)
            .Select(q =>
            {
                var e = earlier[q.Key];
                return new ComparedQuestion(q.Key, q.Type, q.Text, Brief(e), Brief(q), q.Mean is { } b && e.Mean is { } a ? b - a : null);
            })
            .ToList();
        return new Comparison(first.Id, first.Title, first.Responses, second.Id, second.Title, second.Responses, shared);
    }

    private static GroupQuestion Brief(QuestionResult q) => new(q.Key, q.N, q.Mean, q.CantSay, q.Distribution);
}
