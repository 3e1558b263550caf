using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Tests;

/// <summary>The network feedback survey run end to end as in a real network (nine projects, a
/// hundred people): built from the template, sent to the whole network, 80 answer, the other 20
/// are reminded, the survey is closed, and the results match a count made here from the answers.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class NetworkFeedbackEndToEndTests(Provider provider) : AppFixture(provider)
{
    private static readonly string[] Statements = ["equality", "genderEquality", "rooted", "scalable", "cooperation", "responsibility", "stakeholders"];

    protected override IDictionary<string, string?>? Settings => SurveysSetup.NoPublicRateLimit;

    [Test]
    public async Task A_network_of_a_hundred_is_surveyed_reminded_and_the_results_match_a_hand_count()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await SurveysSetup.NetworkAsync(App, coordinator);
        var projects = new List<Guid>();
        for (var p = 0; p < 9; p++)
        {
            projects.Add(await SurveysSetup.ProjectAsync(App, coordinator, network, $"P{p}"));
        }

        var stamp = Guid.NewGuid().ToString("N")[..6];
        var people = Enumerable.Range(0, 100).Select(i => (Email: $"h{i:D3}-{stamp}@example.fi", Project: projects[i % 9])).ToList();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (person, ct) =>
        {
            var role = person.Email.StartsWith("h00", StringComparison.Ordinal) ? "projectManager" : "contact";
            var response = await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = $"Henkilö {person.Email[..4]}", person.Email, language = "fi", roles = new[] { new { role, projectId = person.Project } } }, ct);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
        Assert.That(await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(App, db => db.People.CountAsync(p => p.Email.EndsWith($"-{stamp}@example.fi"))), n => n == 100), Is.EqualTo(100));

        var survey = await SurveysSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/surveys/from-template", new { networkId = network, template = "networkFeedback" }));
        await SurveysSetup.OpenAsync(coordinator, survey);
        var invited = await coordinator.PostAsJsonAsync($"/api/v1/surveys/{survey}/invitations", new { audience = "network" });
        Assert.That((await invited.Content.ReadFromJsonAsync<JsonObject>())!["invited"]!.GetValue<int>(), Is.EqualTo(100));
        await SurveysSetup.RunMailJobAsync(App);
        var links = (await App.MailAsync()).Where(m => m.Subject == "Kysely: Verkoston palautekysely" && m.To.ToString().Contains(stamp, StringComparison.Ordinal))
            .ToDictionary(m => m.To.Mailboxes.Single().Address, m => Link().Match(m.TextBody!).Groups[1].Value);
        Assert.That(links, Has.Count.EqualTo(100));

        // 80 answer; values from a fixed pseudo-random sequence, one in ten "can't say".
        var random = new Random(2025);
        var given = new List<(Guid Project, Dictionary<string, object> Answers)>();
        var client = App.CreateClient();
        foreach (var (email, project) in people.Take(80))
        {
            var answers = Statements.ToDictionary(s => s, _ => random.Next(10) == 0 ? (object)"cantSay" : random.Next(1, 6));
            answers["helped"] = "Säännölliset tapaamiset";
            var response = await SurveysSetup.AnswerAsync(client, links[email], answers);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            given.Add((project, answers));
        }

        await SurveysSetup.InSurveysAsync(App, db => db.Invitations.Where(i => i.SurveyId == survey).ExecuteUpdateAsync(u => u.SetProperty(i => i.SentAt, DateTime.UtcNow.AddDays(-7))));
        await SurveysSetup.RunMailJobAsync(App);
        var reminded = (await App.MailAsync()).Where(m => m.Subject == "Muistutus: Verkoston palautekysely" && m.To.ToString().Contains(stamp, StringComparison.Ordinal)).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.That(reminded, Is.EquivalentTo(people.Skip(80).Select(p => p.Email)), "the twenty who did not answer, once each");

        Assert.That((await coordinator.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await SurveysSetup.AnswerAsync(client, links[people[90].Email], new { equality = 3 })).StatusCode, Is.EqualTo(HttpStatusCode.Gone));

        var results = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}/results"))!;
        Assert.That((results["responses"]!.GetValue<int>(), results["invited"]!.GetValue<int>()), Is.EqualTo((80, 100)));
        foreach (var statement in Statements)
        {
            var values = given.Select(g => g.Answers[statement]).OfType<int>().ToList();
            var question = results["questions"]!.AsArray().Single(q => q!["key"]!.GetValue<string>() == statement)!;
            Assert.Multiple(() =>
            {
                Assert.That(question["n"]!.GetValue<int>(), Is.EqualTo(values.Count), statement);
                Assert.That(question["cantSay"]!.GetValue<int>(), Is.EqualTo(80 - values.Count), statement);
                Assert.That(question["mean"]!.GetValue<double>(), Is.EqualTo(values.Average()).Within(1e-9), statement);
                for (var point = 1; point <= 5; point++)
                {
                    Assert.That(question["distribution"]![point.ToString(CultureInfo.InvariantCulture)]!.GetValue<int>(), Is.EqualTo(values.Count(v => v == point)), $"{statement} {point}");
                }
            });
        }

        var byProject = results["projects"]!.AsArray().ToDictionary(p => p!["projectId"]!.GetValue<Guid>());
        foreach (var project in projects)
        {
            var answered = given.Count(g => g.Project == project);
            Assert.That(byProject[project]!["responses"]!.GetValue<int>(), Is.EqualTo(answered));
            Assert.That(byProject[project]!["invited"]!.GetValue<int>(), Is.EqualTo(people.Count(p => p.Project == project)));
            var cooperation = given.Where(g => g.Project == project).Select(g => g.Answers["cooperation"]).OfType<int>().ToList();
            if (!byProject[project]!["suppressed"]!.GetValue<bool>())
            {
                var mean = byProject[project]!["questions"]!.AsArray().Single(q => q!["key"]!.GetValue<string>() == "cooperation")!["mean"]!.GetValue<double>();
                Assert.That(mean, Is.EqualTo(cooperation.Average()).Within(1e-9));
            }
        }

        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.OutboxMessages.CountAsync(m => m.Type.EndsWith("SurveyClosed") && m.Payload.Contains(survey.ToString()))), Is.EqualTo(1));
    }

    [GeneratedRegex(@"/s/([A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
