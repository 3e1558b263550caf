using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>The survey benchmarks' data: an anonymous Likert survey made through the API, then
/// many submitted responses written with SQL straight into Surveys' SQLite file (answering
/// 100,000 times through the form would take hours and is not what is measured).</summary>
internal static class LikertSurveySeed
{
    /// <summary>Creates the survey (retrying until Surveys has learned the network from
    /// Membership's NetworkCreated); returns its id and its question keys.</summary>
    public static async Task<(Guid Survey, string[] Keys)> CreateAsync(HttpClient api, Guid network, string title, int questions, string? matrix = null)
    {
        var input = Enumerable.Range(1, questions).Select(q => new
        {
            key = $"v{q:D2}", type = "likert", text = new { fi = $"Väittämä {q}" }, cantSay = true, matrix,
            lowLabel = new { fi = "Täysin eri mieltä" }, highLabel = new { fi = "Täysin samaa mieltä" },
        }).ToArray();
        HttpResponseMessage created;
        do
        {
            await Task.Delay(100);
            created = await api.PostAsJsonAsync("/api/v1/surveys", new
            {
                networkId = network, title = new { fi = title }, anonymous = true,
                opensAt = DateTimeOffset.UtcNow.AddDays(-1).ToString("o"), closesAt = DateTimeOffset.UtcNow.AddDays(30).ToString("o"), questions = input,
            });
        }
        while (!created.IsSuccessStatusCode);
        return ((await created.Content.ReadFromJsonAsync<IdResponse>())!.Id, [.. input.Select(q => q.key)]);
    }

    /// <summary>Writes <paramref name="responses"/> submitted responses, each answering every
    /// question (5 % "can't say", the rest 1–5), spread evenly over <paramref name="projects"/>
    /// (none: no project).</summary>
    public static async Task FillAsync(SqliteConnection connection, Guid survey, IReadOnlyList<string> keys, int responses, IReadOnlyList<Guid> projects)
    {
        var projectRows = projects.Count == 0 ? "(0, NULL)" : string.Join(",", projects.Select((p, i) => $"({i}, '{p.ToString().ToUpperInvariant()}')"));
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var sql = $"""
            CREATE TEMP TABLE p(n INTEGER, id TEXT);
            INSERT INTO p VALUES {projectRows};
            CREATE TEMP TABLE q(key TEXT);
            INSERT INTO q VALUES {string.Join(",", keys.Select(k => $"('{k}')"))};
            WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < {responses - 1})
            INSERT INTO Responses (Id, SurveyId, Status, ProjectId)
            SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
                   '{survey.ToString().ToUpperInvariant()}', 'Submitted', p.id
            FROM (SELECT i, hex(randomblob(16)) AS h FROM r) JOIN p ON p.n = i % {Math.Max(1, projects.Count)};
            INSERT INTO Answers (ResponseId, QuestionKey, Ordinal, SurveyId, ProjectId, Value, CantSay)
            SELECT Id, key, 0, SurveyId, ProjectId, CASE WHEN x < 5 THEN NULL ELSE 1 + x % 5 END, x < 5
            FROM (SELECT r.Id, q.key, r.SurveyId, r.ProjectId, abs(random()) % 100 AS x FROM Responses r CROSS JOIN q);
            """;
        await using var command = new SqliteCommand(sql, connection, transaction);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
