using Coordination.Shared.Web;
using Coordination.Surveys.Anonymity;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Analysis;

/// <summary>One question's figures. N and Mean leave "can't say" out (CantSay counts it);
/// Distribution counts answers per scale point or option number; Sd is the sample standard
/// deviation; Answers lists open answers.</summary>
internal sealed record QuestionResult(
    string Key,
    string Type,
    string Text,
    string? Matrix,
    int N,
    double? Mean,
    double? Sd,
    int CantSay,
    Dictionary<string, int>? Distribution,
    List<string>? Labels,
    List<string>? Answers);

/// <summary>One question within a project group.</summary>
internal sealed record GroupQuestion(string Key, int N, double? Mean, int CantSay, Dictionary<string, int>? Distribution);

/// <summary>A project's response rate and, when the group is big enough, its figures. In an
/// anonymous survey a project too small to be a group of its own has Responses null: its answers
/// are counted in the group without a project (ProjectId null).</summary>
internal sealed record ProjectResult(Guid? ProjectId, string Name, int Invited, int? Responses, double? ResponseRate, bool Suppressed, List<GroupQuestion>? Questions);

/// <summary>The response rate counts only answers to invitations (InvitationResponses of
/// Invited); answers through the open link are counted apart (OpenLinkResponses), or one open
/// answer would read as an invitee's.</summary>
internal sealed record SurveyResultsResponse(
    Guid Id,
    string Title,
    bool Anonymous,
    int Responses,
    int Invited,
    double? ResponseRate,
    int MinimumGroupSize,
    List<QuestionResult> Questions,
    List<ProjectResult> Projects,
    int InvitationResponses = 0,
    int OpenLinkResponses = 0);

/// <summary>Computes the results from grouped counts: one GROUP BY over the answers' covering
/// index gives every (question, project, value) count, and n, mean, sd and distributions follow
/// exactly from those counts. Project groups smaller than the minimum size (default 5,
/// Coordination:Surveys:MinimumGroupSize) are hidden; when only one group would be hidden, the
/// next smallest is hidden too, so it cannot be worked out from the total. In an anonymous
/// survey the groups follow <see cref="GroupRules"/>.</summary>
internal sealed class SurveyResultsCalculator(SurveysDbContext db, GroupRules rules)
{
    public int MinimumGroupSize => rules.MinimumGroupSize;

    public async Task<SurveyResultsResponse?> ComputeAsync(Guid id, CancellationToken ct, bool withGroups = true, bool withTexts = true)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return survey is null ? null : await ComputeAsync(survey, ct, withGroups, withTexts);
    }

    public async Task<SurveyResultsResponse> ComputeAsync(Survey survey, CancellationToken ct, bool withGroups = true, bool withTexts = true)
    {
        var id = survey.Id;
        var counts = await db.Answers.AsNoTracking()
            .Where(a => a.SurveyId == id && (a.Value != null || a.CantSay))
            .GroupBy(a => new { a.QuestionKey, a.ProjectId, a.Value, a.CantSay })
            .Select(g => new Count(g.Key.QuestionKey, g.Key.ProjectId, g.Key.Value, g.Key.CantSay, g.Count()))
            .ToListAsync(ct);
        var multiKeys = survey.Questions.Where(q => q.Type == QuestionType.Multi).Select(q => q.Key).ToList();
        var multiRespondents = multiKeys.Count == 0 ? [] : await db.Answers.AsNoTracking()
            .Where(a => a.SurveyId == id && multiKeys.Contains(a.QuestionKey) && a.Ordinal == 0)
            .GroupBy(a => new { a.QuestionKey, a.ProjectId })
            .Select(g => new Count(g.Key.QuestionKey, g.Key.ProjectId, null, false, g.Count()))
            .ToListAsync(ct);
        var texts = withTexts && survey.Questions.Any(q => q.Type == QuestionType.Text)
            ? (await db.Answers.AsNoTracking().Where(a => a.SurveyId == id && a.Text != null).OrderBy(a => a.ResponseId).Select(a => new { a.QuestionKey, a.Text }).ToListAsync(ct))
                .GroupBy(a => a.QuestionKey).ToDictionary(g => g.Key, g => g.Select(a => a.Text!).ToList())
            : [];
        var responsesByProject = (await db.Responses.AsNoTracking().Where(r => r.SurveyId == id && r.Status == ResponseStatus.Submitted)
            .GroupBy(r => r.ProjectId).Select(g => new { ProjectId = g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => new Group(g.ProjectId, g.Count)).ToList();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.SurveyId == id)
            .GroupBy(i => i.ProjectId).Select(g => new { ProjectId = g.Key, Count = g.Count(), Responded = g.Count(i => i.Responded) }).ToListAsync(ct);
        var invitedByProject = invitations.Select(g => new Group(g.ProjectId, g.Count)).ToList();
        var respondedByProject = invitations.Select(g => new Group(g.ProjectId, g.Responded)).ToList();
        var tooSmall = new List<Group>();
        if (survey.Anonymous)
        {
            // Projects too small to be groups of their own are counted in the group without one.
            var shown = rules.ShownProjects(
                invitedByProject.Where(g => g.ProjectId is not null).ToDictionary(g => g.ProjectId!.Value, g => g.Count),
                invitedByProject.Where(g => g.ProjectId is null).Sum(g => g.Count),
                responsesByProject.Where(g => g.ProjectId is not null).Select(g => g.ProjectId!.Value));
            Guid? GroupOf(Guid? project) => project is { } p && shown.Contains(p) ? p : null;
            tooSmall = [.. invitedByProject.Where(g => g.ProjectId is not null && GroupOf(g.ProjectId) is null)];
            counts = [.. counts.GroupBy(c => (c.Key, Project: GroupOf(c.ProjectId), c.Value, c.CantSay)).Select(g => new Count(g.Key.Key, g.Key.Project, g.Key.Value, g.Key.CantSay, g.Sum(c => c.N)))];
            multiRespondents = [.. multiRespondents.GroupBy(c => (c.Key, Project: GroupOf(c.ProjectId))).Select(g => new Count(g.Key.Key, g.Key.Project, null, false, g.Sum(c => c.N)))];
            responsesByProject = [.. responsesByProject.GroupBy(g => GroupOf(g.ProjectId)).Select(g => new Group(g.Key, g.Sum(x => x.Count)))];
            invitedByProject = [.. invitedByProject.GroupBy(g => GroupOf(g.ProjectId)).Select(g => new Group(g.Key, g.Sum(x => x.Count)))];
            respondedByProject = [.. respondedByProject.GroupBy(g => GroupOf(g.ProjectId)).Select(g => new Group(g.Key, g.Sum(x => x.Count)))];
        }

        var responses = responsesByProject.Sum(r => r.Count);
        var invited = invitedByProject.Sum(r => r.Count);
        var invitationResponses = respondedByProject.Sum(r => r.Count);
        var byKey = counts.ToLookup(c => c.Key);
        var respondentsByKey = multiRespondents.ToLookup(c => c.Key);
        var questions = survey.Questions.Select(q => Question(q, byKey[q.Key], respondentsByKey[q.Key], texts.GetValueOrDefault(q.Key))).ToList();

        var projects = new List<ProjectResult>();
        if (withGroups)
        {
            var names = await db.Projects.AsNoTracking().Where(p => p.NetworkId == survey.NetworkId).ToDictionaryAsync(p => p.ProjectId, p => p.Label, ct);
            var groupIds = responsesByProject.Select(r => r.ProjectId).Union(invitedByProject.Select(r => r.ProjectId)).ToList();
            var minimum = MinimumGroupSize;
            var byGroup = counts.ToLookup(c => (c.Key, c.ProjectId));
            var respondentsByGroup = multiRespondents.ToLookup(c => (c.Key, c.ProjectId));
            var hidden = responsesByProject.Where(r => r.Count > 0 && r.Count < minimum).Select(r => r.ProjectId).ToHashSet();
            var shown = responsesByProject.Where(r => r.Count >= minimum).OrderBy(r => r.Count).ToList();
            if (hidden.Count == 1 && shown.Count > 0)
            {
                hidden.Add(shown[0].ProjectId);
            }

            foreach (var projectId in groupIds)
            {
                var n = responsesByProject.FirstOrDefault(r => r.ProjectId == projectId)?.Count ?? 0;
                var inv = invitedByProject.FirstOrDefault(r => r.ProjectId == projectId)?.Count ?? 0;
                var responded = respondedByProject.FirstOrDefault(r => r.ProjectId == projectId)?.Count ?? 0;
                var suppressed = hidden.Contains(projectId);
                projects.Add(new ProjectResult(
                    projectId,
                    projectId is { } p ? names.GetValueOrDefault(p, p.ToString()) : "",
                    inv,
                    n,
                    inv > 0 ? (double)responded / inv : null,
                    suppressed,
                    suppressed || n == 0 ? null : [.. survey.Questions.Where(q => q.Type != QuestionType.Text)
                        .Select(q => Question(q, byGroup[(q.Key, projectId)], respondentsByGroup[(q.Key, projectId)], null))
                        .Select(r => new GroupQuestion(r.Key, r.N, r.Mean, r.CantSay, r.Distribution))]));
            }

            projects.AddRange(tooSmall.Select(g => new ProjectResult(g.ProjectId, names.GetValueOrDefault(g.ProjectId!.Value, g.ProjectId.Value.ToString()), g.Count, null, null, true, null)));
            projects = [.. projects.OrderBy(p => p.ProjectId is null).ThenBy(p => p.Name, StringComparer.CurrentCulture)];
        }

        return new SurveyResultsResponse(
            id, survey.Title.InCurrentCulture().Text, survey.Anonymous, responses, invited, invited > 0 ? (double)invitationResponses / invited : null,
            MinimumGroupSize, questions, projects, invitationResponses, Math.Max(0, responses - invitationResponses));
    }

    private sealed record Count(string Key, Guid? ProjectId, double? Value, bool CantSay, int N);

    private sealed record Group(Guid? ProjectId, int Count);

    private static QuestionResult Question(Question q, IEnumerable<Count> counts, IEnumerable<Count> respondents, List<string>? texts)
    {
        var rows = counts.ToList();
        var cantSay = rows.Where(c => c.CantSay).Sum(c => c.N);
        var values = rows.Where(c => !c.CantSay && c.Value is not null).GroupBy(c => c.Value!.Value).Select(g => (Value: g.Key, N: g.Sum(c => c.N))).ToList();
        var text = q.Text.InCurrentCulture().Text;
        var type = EnumText.Of(q.Type);
        switch (q.Type)
        {
            case QuestionType.Likert:
            case QuestionType.Number:
                var n = values.Sum(v => v.N);
                double? mean = n > 0 ? values.Sum(v => v.Value * v.N) / n : null;
                double? sd = n > 1 ? Math.Sqrt(values.Sum(v => v.N * Math.Pow(v.Value - mean!.Value, 2)) / (n - 1)) : null;
                var distribution = q.Type == QuestionType.Likert
                    ? Enumerable.Range(1, 5).ToDictionary(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture), p => values.Where(v => v.Value == p).Sum(v => v.N))
                    : null;
                List<string>? labels = q.Type == QuestionType.Likert ? [q.LowLabel?.InCurrentCulture().Text ?? "1", "2", "3", "4", q.HighLabel?.InCurrentCulture().Text ?? "5"] : null;
                return new QuestionResult(q.Key, type, text, q.Matrix, n, mean, sd, cantSay, distribution, labels, null);
            case QuestionType.Single:
            case QuestionType.Multi:
                var options = Enumerable.Range(1, q.Options.Count).ToDictionary(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture), o => values.Where(v => v.Value == o).Sum(v => v.N));
                var answered = q.Type == QuestionType.Single ? values.Sum(v => v.N) : respondents.Sum(r => r.N);
                return new QuestionResult(q.Key, type, text, null, answered, null, null, 0, options, [.. q.Options.Select(o => o.InCurrentCulture().Text)], null);
            default:
                return new QuestionResult(q.Key, type, text, null, texts?.Count ?? 0, null, null, 0, null, null, texts ?? []);
        }
    }
}
