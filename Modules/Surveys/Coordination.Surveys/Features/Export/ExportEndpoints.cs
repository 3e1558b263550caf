using System.Globalization;
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

    private static async Task<ExportTable> TableAsync(SurveysDbContext db, Survey survey, IStringLocalizer<SurveysStrings> l, CancellationToken ct)
    {
        var responses = await db.Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id && r.Status == ResponseStatus.Submitted)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Email, r.Name, r.ProjectId, r.SubmittedAt }).ToListAsync(ct);
        var answers = (await db.Answers.AsNoTracking().Where(a => a.SurveyId == survey.Id).ToListAsync(ct))
            .ToLookup(a => a.ResponseId);
        var projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == survey.NetworkId).ToDictionaryAsync(p => p.ProjectId, p => p.Label, ct);
        var identity = survey.Anonymous ? Array.Empty<string>() : [l["Email"].Value, l["Name"].Value, l["Project"].Value, l["SubmittedAt"].Value];
        var cantSay = l["CantSay"].Value;
        var rows = responses.Select(r =>
        {
            var mine = answers[r.Id].ToLookup(a => a.QuestionKey);
            var values = survey.Questions.Select(q => Value(q, mine[q.Key].OrderBy(a => a.Ordinal).ToList(), cantSay));
            IEnumerable<object?> head = survey.Anonymous ? [] : [r.Email, r.Name, r.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, r.SubmittedAt is { } at ? HelsinkiTime.FormatDateTime(at) : null];
            return (IReadOnlyList<object?>)[.. head, .. values];
        });
        return new ExportTable([.. identity, .. survey.Questions.Select(Heading)], rows);
    }

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
