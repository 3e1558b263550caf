using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Tests;

/// <summary>The polling attacker: a coordinator who, after every answer to an anonymous survey,
/// presses "remind" and reads the invitation list (API and page) and the results. Two worlds
/// differ only in who gave which answer — in one the lone invitee of a small project answers 1
/// and a big project's invitee 5, in the other the other way round. If anything the coordinator
/// can see told the worlds apart, an answer could be linked to a person; so every observation
/// must be the same in both. Projects: BIG has 6 invitees, SMALL 1, and 2 invitees have none
/// (the minimum group size is 5).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class AnonymityTests(Provider provider) : AppFixture(provider)
{
    private static readonly DateTimeOffset OpensAt = DateTimeOffset.UtcNow.AddHours(-1);
    private static readonly DateTimeOffset ClosesAt = DateTimeOffset.UtcNow.AddDays(7);
    private HttpClient _coordinator = null!;
    private HttpClient _coordinatorPages = null!;
    private Guid _network;
    private Guid _big;
    private Guid _small;

    protected override IDictionary<string, string?>? Settings => SurveysSetup.NoPublicRateLimit;

    private Dictionary<string, Guid?> Invitees => new()
    {
        ["b0"] = _big, ["b1"] = _big, ["b2"] = _big, ["b3"] = _big, ["b4"] = _big, ["b5"] = _big,
        ["s0"] = _small,
        ["n0"] = null, ["n1"] = null,
    };

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _coordinatorPages = await App.BrowserClientAsync(Roles.Coordinator);
        _network = await SurveysSetup.NetworkAsync(App, _coordinator);
        _big = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "ISO");
        _small = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "PIENI");
    }

    [TestCase("s0", "b0")]
    [TestCase("n0", "b0")]
    [TestCase("s0", "n1")]
    public async Task A_coordinator_polling_invitations_and_results_cannot_tell_who_gave_which_answer(string one, string other)
    {
        var (first, firstSurvey) = await PlayAsync([(one, 1), (other, 5)]);
        var (second, _) = await PlayAsync([(other, 1), (one, 5)]);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.That(second[i], Is.EqualTo(first[i]), $"observation {i} tells the worlds apart");
        }

        // In the database: the lone invitee of SMALL left no project on any response or answer.
        var (responseProjects, answerProjects) = await SurveysSetup.InSurveysAsync(App, async db => (
            await db.Responses.Where(r => r.SurveyId == firstSurvey).Select(r => r.ProjectId).ToListAsync(),
            await db.Answers.Where(a => a.SurveyId == firstSurvey).Select(a => a.ProjectId).ToListAsync()));
        Assert.That(responseProjects, Has.Count.EqualTo(2));
        Assert.That(responseProjects.Concat(answerProjects), Has.None.EqualTo(_small), "a project with fewer invitees than the minimum group size is not stored on an anonymous answer");
    }

    [Test]
    public async Task The_invitation_list_of_an_anonymous_survey_shows_no_one_as_answered_and_counts_only_from_the_minimum()
    {
        var (_, survey) = await PlayAsync([("b0", 3), ("b1", 3), ("b2", 3), ("b3", 3)]);
        var items = (await ListAsync(survey))["items"]!.AsArray();
        Assert.That(items.Select(i => i!["responded"]), Is.All.Null, "no per-person answered flag");
        Assert.That(items.Select(i => i!["reminders"]), Is.All.Null, "nor reminders, which go to those who have not answered");
        var page = await _coordinatorPages.GetStringAsync($"/surveys/{survey}");
        Assert.That(page, Does.Not.Contain("data-stat=\"answered\""), "four answers: fewer than five, no count");

        await AnswerAsync(survey, "b4", 3);
        page = await _coordinatorPages.GetStringAsync($"/surveys/{survey}");
        Assert.That(page, Does.Contain("data-stat=\"answered\">5<"), "five answers: the count shows");

        var stamp = survey.ToString("N")[..8];
        var reminded = App.PickedUpMail().Where(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)).SelectMany(m => m.To.Mailboxes)
            .Where(a => a.Address.Contains(stamp, StringComparison.Ordinal)).Select(a => a.Address.Split('-')[0]).ToList();
        Assert.That(reminded, Is.SupersetOf(new[] { "b5", "s0", "n0", "n1" }).And.No.Member("b0"), "reminders still go only to those who have not answered");
    }

    /// <summary>Creates an anonymous survey, invites <see cref="Invitees"/> and plays the
    /// answers; after each, the attacker's observations with the survey's own ids and addresses
    /// replaced by labels.</summary>
    private async Task<(List<string> Observations, Guid Survey)> PlayAsync((string Who, int Value)[] answers)
    {
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite", cantSay: false)], opensAt: OpensAt, closesAt: ClosesAt);
        var stamp = survey.ToString("N")[..8];
        await SurveysSetup.InviteAsync(_coordinator, survey, [.. Invitees.Select(i => (Address(i.Key, stamp), i.Value))]);
        await SurveysSetup.RunMailJobAsync(App);
        var observations = new List<string>();
        foreach (var (who, value) in answers)
        {
            await AnswerAsync(survey, who, value);
            var remind = await _coordinator.PostAsync($"/api/v1/surveys/{survey}/reminders", null);
            observations.Add(Normalize(await remind.Content.ReadAsStringAsync(), survey));
            observations.Add(Normalize((await ListAsync(survey)).ToJsonString(), survey));
            var results = (await _coordinator.GetStringAsync($"/api/v1/surveys/{survey}/results"));
            observations.Add(Normalize(results, survey));
            var page = await _coordinatorPages.GetStringAsync($"/surveys/{survey}");
            observations.Add(Normalize(page[page.IndexOf("id=\"distribution\"", StringComparison.Ordinal)..], survey));
            var resultsPage = await _coordinatorPages.GetStringAsync($"/surveys/{survey}/results");
            observations.Add(Normalize(resultsPage[resultsPage.IndexOf("<main", StringComparison.Ordinal)..], survey));
        }

        return (observations, survey);
    }

    private async Task AnswerAsync(Guid survey, string who, int value)
    {
        var response = await SurveysSetup.AnswerAsync(App.CreateClient(), SurveysSetup.TokenFor(App, Address(who, survey.ToString("N")[..8])), new { a = value });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> ListAsync(Guid survey)
    {
        var list = JsonNode.Parse(await _coordinator.GetStringAsync($"/api/v1/surveys/{survey}/invitations?pageSize=100"))!.AsObject();
        foreach (var item in list["items"]!.AsArray())
        {
            // The time a mail went out differs between the worlds and says nothing about answers.
            item!["sentAt"] = item["sentAt"] is null ? null : "sent";
        }

        return list;
    }

    private static string Address(string label, string stamp) => $"{label}-{stamp}@example.fi";

    /// <summary>Without what necessarily differs between two surveys: ids, the addresses' stamps,
    /// antiforgery tokens.</summary>
    private static string Normalize(string text, Guid survey)
    {
        var stamp = survey.ToString("N")[..8];
        text = text.Replace(survey.ToString(), "SURVEY", StringComparison.OrdinalIgnoreCase).Replace(stamp, "STAMP", StringComparison.Ordinal);
        return Antiforgery().Replace(text, "TOKEN");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]+\"")]
    private static partial Regex Antiforgery();
}
