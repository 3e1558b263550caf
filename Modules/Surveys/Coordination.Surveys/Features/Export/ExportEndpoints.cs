using System.Runtime.CompilerServices;
using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Answering;
using Coordination.Surveys.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Features.Export;

/// <summary>The responses as CSV or XLSX: one row per response, one column per question headed
/// by its text in the reader's language (the workbook's second sheet pairs each heading with the
/// question's key, for those who script). An identified survey starts with e-mail, name, project and time; an anonymous one has no
/// identity column and no project (that would undo the group-size rule), in random order.</summary>
internal sealed class ExportEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        foreach (var format in new[] { "csv", "xlsx" })
        {
            app.MapGet($"/api/v1/surveys/{{id:guid}}/responses.{format}", async Task<IResult> (Guid id, SurveysDbContext db, IStringLocalizer<SurveysStrings> l, CancellationToken ct) =>
                {
                    var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
                    if (survey is null)
                    {
                        return ApiResults.NotFound();
                    }

                    var table = await TableAsync(db, survey, l, ct);
                    var name = $"kysely-{survey.Id.ToString()[..8]}-vastaukset";
                    return format == "csv" ? table.ToCsv(name) : (table with { Sheet = l["ExportResponsesSheet"].Value }).ToXlsx(name, Keys(survey, l));
                })
                .RequireAuthorization(Policies.Coordinator)
                .WithTags("Surveys")
                .WithSummary($"The responses as {format.ToUpperInvariant()}: one row per response, one column per question");
        }
    }

    /// <summary>The responses as they are read: one ordered query of responses with their answers
    /// (a response's answers come together), each response a row when the next one begins.</summary>
    private static async Task<StreamedExportTable> TableAsync(SurveysDbContext db, Survey survey, IStringLocalizer<SurveysStrings> l, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == survey.NetworkId).ToDictionaryAsync(p => p.ProjectId, p => p.Label, ct);
        var identity = survey.Anonymous ? Array.Empty<string>() : [l["Email"].Value, l["Name"].Value, l["Project"].Value, l["SubmittedAt"].Value];
        return new StreamedExportTable([.. identity, .. survey.Questions.Select(Heading)], RowsAsync(db, survey, projects, l["CantSay"].Value, ct));
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(
        SurveysDbContext db, Survey survey, Dictionary<Guid, string> projects, string cantSay, [EnumeratorCancellation] CancellationToken ct)
    {
        var lines = from r in db.Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id && r.Status == ResponseStatus.Submitted)
                    from a in db.Answers.AsNoTracking().Where(a => a.ResponseId == r.Id).DefaultIfEmpty()
                    orderby r.Id
                    select new Line(r.Id, r.Email, r.Name, r.ProjectId, r.SubmittedAt, a);
        Line? response = null;
        var answers = new List<Answer>();
        await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (response is not null && line.Id != response.Id)
            {
                yield return Row(survey, response, answers, projects, cantSay);
                answers.Clear();
            }

            response = line;
            if (line.Answer is { } answer)
            {
                answers.Add(answer);
            }
        }

        if (response is not null)
        {
            yield return Row(survey, response, answers, projects, cantSay);
        }
    }

    private static object?[] Row(Survey survey, Line r, List<Answer> answers, Dictionary<Guid, string> projects, string cantSay)
    {
        var mine = answers.ToLookup(a => a.QuestionKey);
        var values = survey.Questions.Select(q => Value(q, mine[q.Key].OrderBy(a => a.Ordinal).ToList(), cantSay));
        IEnumerable<object?> head = survey.Anonymous ? [] : [r.Email, r.Name, r.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, r.SubmittedAt is { } at ? HelsinkiTime.FormatDateTime(at) : null];
        return [.. head, .. values];
    }

    /// <summary>A response with one of its answers (none when it has none).</summary>
    private sealed record Line(Guid Id, string? Email, string? Name, Guid? ProjectId, DateTime? SubmittedAt, Answer? Answer);

    private static string Heading(Question q) => q.Text.InCurrentCulture().Text;

    private static ExportTable Keys(Survey survey, IStringLocalizer<SurveysStrings> l)
        => new([l["ExportKeysHeading"].Value, l["ExportKeysKey"].Value], survey.Questions.Select(q => (IReadOnlyList<object?>)[Heading(q), q.Key])) { Sheet = l["ExportKeysSheet"].Value };

    private static object? Value(Question q, List<Answer> answers, string cantSay)
    {
        if (answers.Count == 0)
        {
            return null;
        }

        return q.Type switch
        {
            QuestionType.Likert => answers[0].CantSay ? cantSay : answers[0].Value,
            QuestionType.Number => answers[0].Value,
            QuestionType.Single or QuestionType.Multi => string.Join("; ", answers.Select(a => q.Options.ElementAtOrDefault((int)a.Value!.Value - 1)?.Fi)),
            _ => answers[0].Text,
        };
    }
}
