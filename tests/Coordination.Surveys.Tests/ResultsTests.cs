using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Coordination.Surveys.Tests;

/// <summary>Results against a hand count: 13 answers in three projects (6, 5, 2) and a fourth
/// project invited but silent. The figures below were computed by hand:
/// statement a (can't say offered): values 5,4,4,3,5 | 2,3,4,5 | 1,5 and two "can't say"
/// → n 11, sum 41, mean 41/11 = 3.7273, Σv² 171, sd √((171 − 41²/11)/10) = 1.3484,
/// distribution 1:1 2:1 3:2 4:3 5:4; P1 alone n 5, mean 4.2, one "can't say".
/// With a minimum group size of 5, P3 (2) is hidden, and so is P2 (5, the next smallest),
/// or P3 could be worked out from the total. The survey is anonymous, so P3 and P4, with fewer
/// than 5 invitees each, are not groups of their own: they count in the group without a project.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ResultsTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;
    private Guid _survey;
    private Guid _p1;
    private Guid _p2;
    private Guid _p3;
    private Guid _p4;

    protected override IDictionary<string, string?>? Settings => SurveysSetup.NoPublicRateLimit;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await SurveysSetup.NetworkAsync(App, _coordinator);
        _p1 = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "YKSI");
        _p2 = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "KAKSI");
        _p3 = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "KOLME");
        _p4 = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "NELJA");
        _survey = await SurveysSetup.SurveyAsync(_coordinator, _network,
        [
            SurveysSetup.Likert("a", "Yhteistyö on parantunut"),
            SurveysSetup.Likert("b", "Tieto kulkee", cantSay: false),
            new { key = "s", type = "single", text = new { fi = "Rooli" }, options = new[] { "Opettaja", "Johto", "Muu" } },
            new { key = "m", type = "multi", text = new { fi = "Kanavat" }, options = new[] { "Uutiskirje", "Tapahtumat", "Verkkosivut" } },
            new { key = "n", type = "number", text = new { fi = "Tunnit" } },
            new { key = "t", type = "text", text = new { fi = "Terveiset" } },
        ]);
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var respondents = new List<(string, Guid?, object)>();
        void Add(Guid project, object a, int? b, int s, int[] m, double? n = null, string? t = null)
        {
            var answers = new Dictionary<string, object> { ["a"] = a, ["s"] = s };
            if (b is not null) { answers["b"] = b; }
            if (m.Length > 0) { answers["m"] = m; }
            if (n is not null) { answers["n"] = n; }
            if (t is not null) { answers["t"] = t; }
            respondents.Add(($"r{respondents.Count}-{stamp}@example.fi", project, answers));
        }

        Add(_p1, 5, 3, 1, [1, 2], 10, "Hyvä");
        Add(_p1, 4, 3, 1, [1], 20);
        Add(_p1, 4, 3, 2, []);
        Add(_p1, 3, 3, 3, [2, 3]);
        Add(_p1, "cantSay", 3, 1, [1, 3]);
        Add(_p1, 5, 3, 2, [3]);
        Add(_p2, 2, 3, 2, [1], 30);
        Add(_p2, 3, 3, 2, [1, 2, 3]);
        Add(_p2, 4, 3, 2, []);
        Add(_p2, "cantSay", 3, 3, []);
        Add(_p2, 5, 3, 1, [2]);
        Add(_p3, 1, null, 3, [], t: "Kiitos");
        Add(_p3, 5, null, 3, []);
        await SurveysSetup.AnswerAllAsync(App, _coordinator, _survey, respondents);
        await SurveysSetup.InviteAsync(_coordinator, _survey, ($"h1-{stamp}@example.fi", _p4), ($"h2-{stamp}@example.fi", _p4), ($"h3-{stamp}@example.fi", _p4));
    }

    private async Task<JsonObject> ResultsAsync() => (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{_survey}/results"))!;

    private static JsonNode Question(JsonObject results, string key) => results["questions"]!.AsArray().Single(q => q!["key"]!.GetValue<string>() == key)!;

    [Test]
    public async Task Means_and_n_leave_cant_say_out_and_count_it_apart()
    {
        var results = await ResultsAsync();
        Assert.That(results["responses"]!.GetValue<int>(), Is.EqualTo(13));
        Assert.That(results["invited"]!.GetValue<int>(), Is.EqualTo(16));
        Assert.That(results["responseRate"]!.GetValue<double>(), Is.EqualTo(13.0 / 16).Within(1e-9));
        var a = Question(results, "a");
        Assert.Multiple(() =>
        {
            Assert.That(a["n"]!.GetValue<int>(), Is.EqualTo(11));
            Assert.That(a["mean"]!.GetValue<double>(), Is.EqualTo(41.0 / 11).Within(1e-9));
            Assert.That(a["sd"]!.GetValue<double>(), Is.EqualTo(Math.Sqrt((171 - (41.0 * 41 / 11)) / 10)).Within(1e-9));
            Assert.That(a["cantSay"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(Enumerable.Range(1, 5).Select(p => a["distribution"]![p.ToString(CultureInfo.InvariantCulture)]!.GetValue<int>()), Is.EqualTo(new[] { 1, 1, 2, 3, 4 }));
        });
        var b = Question(results, "b");
        Assert.That((b["n"]!.GetValue<int>(), b["mean"]!.GetValue<double>(), b["sd"]!.GetValue<double>(), b["cantSay"]!.GetValue<int>()), Is.EqualTo((11, 3.0, 0.0, 0)));
        var s = Question(results, "s");
        Assert.That((s["n"]!.GetValue<int>(), s["distribution"]!["1"]!.GetValue<int>(), s["distribution"]!["2"]!.GetValue<int>(), s["distribution"]!["3"]!.GetValue<int>()), Is.EqualTo((13, 4, 5, 4)));
        var m = Question(results, "m");
        Assert.That((m["n"]!.GetValue<int>(), m["distribution"]!["1"]!.GetValue<int>(), m["distribution"]!["2"]!.GetValue<int>(), m["distribution"]!["3"]!.GetValue<int>()), Is.EqualTo((8, 5, 4, 4)), "n counts respondents, options count choices");
        var n = Question(results, "n");
        Assert.That((n["n"]!.GetValue<int>(), n["mean"]!.GetValue<double>(), n["sd"]!.GetValue<double>()), Is.EqualTo((3, 20.0, 10.0)));
        Assert.That(Question(results, "t")["answers"]!.AsArray().Select(x => x!.GetValue<string>()), Is.EquivalentTo(new[] { "Hyvä", "Kiitos" }));
    }

    [Test]
    public async Task Project_breakdowns_are_hidden_below_the_minimum_group_size_and_response_rates_shown()
    {
        var results = await ResultsAsync();
        Assert.That(results["minimumGroupSize"]!.GetValue<int>(), Is.EqualTo(5));
        var projects = results["projects"]!.AsArray().Where(p => p!["projectId"] is not null).ToDictionary(p => p!["projectId"]!.GetValue<Guid>());
        Assert.Multiple(() =>
        {
            Assert.That(projects[_p1]!["suppressed"]!.GetValue<bool>(), Is.False);
            var a = projects[_p1]!["questions"]!.AsArray().Single(q => q!["key"]!.GetValue<string>() == "a")!;
            Assert.That((a["n"]!.GetValue<int>(), a["mean"]!.GetValue<double>(), a["cantSay"]!.GetValue<int>()), Is.EqualTo((5, 4.2, 1)));
            Assert.That(projects[_p3]!["suppressed"]!.GetValue<bool>(), Is.True, "2 answers < 5");
            Assert.That(projects[_p3]!["questions"], Is.Null);
            Assert.That(projects[_p2]!["suppressed"]!.GetValue<bool>(), Is.True, "hidden too, or P3 = total − P1 − P2");
            Assert.That(projects[_p2]!["questions"], Is.Null);
            Assert.That(projects[_p4]!["invited"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That((projects[_p4]!["responses"], projects[_p3]!["responses"]), Is.EqualTo(((JsonNode?)null, (JsonNode?)null)), "anonymous: projects with fewer than 5 invitees are counted with those without a project");
            var others = results["projects"]!.AsArray().Single(p => p!["projectId"] is null)!;
            Assert.That((others["invited"]!.GetValue<int>(), others["responses"]!.GetValue<int>(), others["suppressed"]!.GetValue<bool>()), Is.EqualTo((5, 2, true)), "P3's two answers and P4's three invitees");
            Assert.That(projects[_p2]!["responseRate"]!.GetValue<double>(), Is.EqualTo(1.0), "response rates are shown for every project");
        });

        var page = await (await App.BrowserClientAsync(Roles.Funder)).GetStringAsync($"/surveys/{_survey}/results");
        Assert.That(page, Does.Contain("data-suppressed"));
        Assert.That(page, Does.Contain("<svg role=\"img\""));
    }

    [Test]
    public async Task After_answering_no_table_links_an_anonymous_response_to_its_invitation()
    {
        var (invitations, responses) = await SurveysSetup.InSurveysAsync(App, async db =>
            (await db.Invitations.AsNoTracking().Where(i => i.SurveyId == _survey).ToListAsync(), await db.Responses.AsNoTracking().Where(r => r.SurveyId == _survey).ToListAsync()));
        Assert.That(responses, Has.Count.EqualTo(13));
        Assert.That(responses.All(r => r.InvitationId is null && r.Email is null && r.Name is null && r.SubmittedAt is null && r.SavedAt is null && r.DraftJson is null), "no person, invitation or time on the response");
        Assert.That(responses.All(r => r.Id.Version == 4), "random ids, not time-ordered ones");

        // Every value of every table of the module, as text: no invitation id, address or name
        // outside the invitations themselves and the mail sent to them (the mail queue holds the
        // invitation and its reminders as sent, until Coordination:Mail:Retention), and no
        // response id in either.
        var tables = await SurveysSetup.InSurveysAsync(App, DumpAsync);
        var invitationValues = invitations.SelectMany(i => new[] { i.Id.ToString(), i.Email, i.Name! }).ToList();
        string[] ofInvitations = ["Invitations", "MailQueue"];
        foreach (var (table, values) in tables.Where(t => !ofInvitations.Contains(t.Key)))
        {
            var leaks = values.Where(v => invitationValues.Any(i => v.Contains(i, StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.That(leaks, Is.Empty, $"{table} holds something of an invitation");
        }

        var responseIds = responses.Select(r => r.Id.ToString()).ToList();
        foreach (var table in ofInvitations)
        {
            Assert.That(tables[table].Where(v => responseIds.Any(r => v.Contains(r, StringComparison.OrdinalIgnoreCase))), Is.Empty, $"{table} holds no response id");
        }
    }

    private static async Task<Dictionary<string, List<string>>> DumpAsync(SurveysDbContext db)
    {
        var result = new Dictionary<string, List<string>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).DistinctBy(e => e.GetTableName()))
        {
            var schema = entity.GetSchema();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {(schema is null ? "" : $"\"{schema}\".")}\"{entity.GetTableName()}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
                }
            }

            result[entity.GetTableName()!] = values;
        }

        return result;
    }

    [Test]
    public async Task Csv_and_xlsx_have_one_row_per_response_and_no_identity_column_when_anonymous()
    {
        var expected = new[]
        {
            "5;3;Opettaja;Uutiskirje; Tapahtumat;10;Hyvä", "4;3;Opettaja;Uutiskirje;20;", "4;3;Johto;;;", "3;3;Muu;Tapahtumat; Verkkosivut;;",
            "En osaa sanoa;3;Opettaja;Uutiskirje; Verkkosivut;;", "5;3;Johto;Verkkosivut;;", "2;3;Johto;Uutiskirje;30;", "3;3;Johto;Uutiskirje; Tapahtumat; Verkkosivut;;",
            "4;3;Johto;;;", "En osaa sanoa;3;Muu;;;", "5;3;Opettaja;Tapahtumat;;", "1;;Muu;;;Kiitos", "5;;Muu;;;",
        };
        var csv = await _coordinator.GetByteArrayAsync($"/api/v1/surveys/{_survey}/responses.csv");
        Assert.That(csv.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM for Excel");
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace("\"", "", StringComparison.Ordinal)).ToList();
        Assert.That(lines[0], Is.EqualTo("Yhteistyö on parantunut;Tieto kulkee;Rooli;Kanavat;Tunnit;Terveiset"), "only the questions, by their texts: no e-mail, name, project or time");
        Assert.That(lines.Skip(1), Is.EquivalentTo(expected));

        await using var xlsx = await _coordinator.GetStreamAsync($"/api/v1/surveys/{_survey}/responses.xlsx");
        var buffer = new MemoryStream();
        await xlsx.CopyToAsync(buffer);
        buffer.Position = 0;
        var rows = buffer.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows[0].Keys, Is.EqualTo(new[] { "Yhteistyö on parantunut", "Tieto kulkee", "Rooli", "Kanavat", "Tunnit", "Terveiset" }));
        var fromXlsx = rows.Select(r => string.Join(";", r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();
        Assert.That(fromXlsx, Is.EquivalentTo(expected));
        buffer.Position = 0;
        Assert.That(buffer.GetSheetNames(), Is.EqualTo(new[] { "Vastaukset", "Tunnisteet" }));
        var keys = buffer.Query(useHeaderRow: true, sheetName: "Tunnisteet").Cast<IDictionary<string, object?>>().Select(r => $"{r["Kysymys"]}={r["Tunniste"]}");
        Assert.That(keys, Is.EqualTo(new[] { "Yhteistyö on parantunut=a", "Tieto kulkee=b", "Rooli=s", "Kanavat=m", "Tunnit=n", "Terveiset=t" }), "the keys behind the headings, for those who script");
    }

    [Test]
    public async Task An_export_without_answers_has_its_headings_in_the_readers_language()
    {
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network,
        [
            SurveysSetup.Likert("a", "Yhteistyö on parantunut", sv: "Samarbetet har förbättrats"),
            new { key = "t", type = "text", text = new { fi = "Terveiset", sv = "Hälsningar" } },
        ], anonymous: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/surveys/{survey}/responses.xlsx");
        request.Headers.AcceptLanguage.ParseAdd("sv");
        using var response = await _coordinator.SendAsync(request);
        var buffer = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var heading = buffer.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.That(heading, Has.Count.EqualTo(1), "the heading row and nothing else");
        Assert.That(heading[0].Values, Is.EqualTo(new object?[] { "E-post", "Namn", "Projekt", "Besvarad", "Samarbetet har förbättrats", "Hälsningar" }));
        buffer.Position = 0;
        Assert.That(buffer.GetSheetNames(), Is.EqualTo(new[] { "Svar", "Identifierare" }));
    }

    [Test]
    public async Task Results_need_the_monitoring_policy_and_exports_a_coordinator()
    {
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await member.GetAsync($"/api/v1/surveys/{_survey}/results")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var funder = await App.ApiClientAsync(Roles.Funder);
        Assert.That((await funder.GetAsync($"/api/v1/surveys/{_survey}/results")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await funder.GetAsync($"/api/v1/surveys/{_survey}/responses.csv")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await App.CreateClient().GetAsync($"/api/v1/surveys/{_survey}/results")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
