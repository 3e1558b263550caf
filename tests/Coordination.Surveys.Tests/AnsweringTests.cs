using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Tests;

/// <summary>Personal links: answered once, foreign tokens, the window, invalid answers, saving
/// and continuing later.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AnsweringTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;

    protected override IDictionary<string, string?>? Settings => SurveysSetup.NoPublicRateLimit;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await SurveysSetup.NetworkAsync(App, _coordinator);
    }

    private static object[] Questions =>
    [
        SurveysSetup.Likert("cooperation", "Yhteistyö on parantunut", required: true),
        new { key = "role", type = "single", text = new { fi = "Roolisi" }, options = new object[] { "Opettaja", new { fi = "Johto", sv = "Ledning" } }, required = true },
        new { key = "channels", type = "multi", text = new { fi = "Kanavat" }, options = new[] { "Uutiskirje", "Tapahtumat", "Verkkosivut" } },
        new { key = "hours", type = "number", text = new { fi = "Tunnit viikossa" }, min = 0, max = 60 },
        new { key = "comments", type = "text", text = new { fi = "Terveiset" } },
    ];

    [Test]
    public async Task A_personal_link_answers_once_and_a_foreign_token_is_not_found()
    {
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, Questions);
        var email = $"vastaaja-{Guid.NewGuid():N}@example.fi";
        await SurveysSetup.InviteAsync(_coordinator, survey, (email, null));
        await SurveysSetup.RunMailJobAsync(App);
        var mail = (await App.MailAsync()).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal));
        Assert.That(mail.Subject, Does.Contain("Palautekysely"));
        var token = await SurveysSetup.TokenForAsync(App, email);

        var guest = App.CreateClient();
        var definition = await guest.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/responses/{token}");
        Assert.That(definition!["questions"]!.AsArray(), Has.Count.EqualTo(5));

        var answered = await SurveysSetup.AnswerAsync(guest, token, new { cooperation = 4, role = 2, channels = new[] { 1, 3 }, hours = 7.5, comments = "Hyvä verkosto" });
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await answered.Content.ReadAsStringAsync());
        var again = await SurveysSetup.AnswerAsync(guest, token, new { cooperation = 5, role = 1 });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        Assert.That((await SurveysSetup.AnswerAsync(guest, token[..^4] + "AAAA", new { cooperation = 5, role = 1 })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a changed token");
        Assert.That((await SurveysSetup.AnswerAsync(guest, "ei-token", new { cooperation = 5, role = 1 })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = await guest.GetAsync($"/s/{token}");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "the used link's page says it was answered");
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Answers.CountAsync(a => a.SurveyId == survey)), Is.EqualTo(6), "likert, single, two choices, number, text");
    }

    [Test]
    public async Task The_response_rate_counts_invitees_and_open_link_answers_are_told_apart()
    {
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, Questions, anonymous: false);
        var (first, second) = ($"kutsuttu1-{Guid.NewGuid():N}@example.fi", $"kutsuttu2-{Guid.NewGuid():N}@example.fi");
        await SurveysSetup.InviteAsync(_coordinator, survey, (first, null), (second, null));
        await SurveysSetup.RunMailJobAsync(App);
        var guest = App.CreateClient();
        Assert.That((await SurveysSetup.AnswerAsync(guest, SurveysSetup.TokenFor(App, first), new { cooperation = 4, role = 1 })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var link = await (await _coordinator.PostAsync($"/api/v1/surveys/{survey}/open-link", null)).Content.ReadFromJsonAsync<JsonObject>();
        var slug = link!["url"]!.GetValue<string>().Split('/')[^1];
        Assert.That((await guest.PostAsJsonAsync($"/api/v1/surveys/open/{slug}/responses", new { answers = new { cooperation = 5, role = 2 } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var results = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}/results");
        Assert.That(results!["responses"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(results["invited"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(results["invitationResponses"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(results["openLinkResponses"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(results["responseRate"]!.GetValue<double>(), Is.EqualTo(0.5), "one of two invitees answered: 50 %, not 100 %");
    }

    [Test]
    public async Task Invalid_answers_are_field_errors_and_change_nothing()
    {
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, Questions);
        var email = $"virhe-{Guid.NewGuid():N}@example.fi";
        await SurveysSetup.InviteAsync(_coordinator, survey, (email, null));
        await SurveysSetup.RunMailJobAsync(App);
        var token = await SurveysSetup.TokenForAsync(App, email);

        var response = await SurveysSetup.AnswerAsync(App.CreateClient(), token, new { cooperation = 6, channels = new[] { 1, 9 }, hours = "paljon", unknown = 1 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key);
        Assert.That(errors, Is.EquivalentTo(new[] { "answers.cooperation", "answers.role", "answers.channels", "answers.hours", "answers.unknown" }));
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Responses.CountAsync(r => r.SurveyId == survey)), Is.Zero);
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Invitations.AnyAsync(i => i.SurveyId == survey && i.Responded)), Is.False);

        Assert.That((await SurveysSetup.AnswerAsync(App.CreateClient(), token, new { cooperation = "cantSay", role = "Johto" })).StatusCode, Is.EqualTo(HttpStatusCode.Created), "can't say, and an option by its text");
    }

    [Test]
    public async Task Outside_the_window_is_410_with_a_clear_message()
    {
        var later = await SurveysSetup.SurveyAsync(_coordinator, _network, Questions, opensAt: DateTimeOffset.UtcNow.AddDays(2), closesAt: DateTimeOffset.UtcNow.AddDays(9));
        var open = await SurveysSetup.SurveyAsync(_coordinator, _network, Questions);
        var early = $"aikaisin-{Guid.NewGuid():N}@example.fi";
        var late = $"myohassa-{Guid.NewGuid():N}@example.fi";
        await SurveysSetup.InviteAsync(_coordinator, later, (early, null));
        await SurveysSetup.InviteAsync(_coordinator, open, (late, null));
        await SurveysSetup.RunMailJobAsync(App);
        Assert.That((await App.MailAsync()).Any(m => m.To.ToString().Contains(early, StringComparison.Ordinal)), Is.False, "no invitation before the survey opens");

        Assert.That((await _coordinator.PostAsync($"/api/v1/surveys/{open}/close", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var response = await SurveysSetup.AnswerAsync(App.CreateClient(), await SurveysSetup.TokenForAsync(App, late), new { cooperation = 3, role = 1 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("päättynyt"));
    }

    [Test]
    public async Task An_identified_respondent_saves_and_continues_later_an_anonymous_one_cannot()
    {
        var identified = await SurveysSetup.SurveyAsync(_coordinator, _network, Questions, anonymous: false);
        var email = $"jatkaja-{Guid.NewGuid():N}@example.fi";
        await SurveysSetup.InviteAsync(_coordinator, identified, (email, null));
        await SurveysSetup.RunMailJobAsync(App);
        var token = await SurveysSetup.TokenForAsync(App, email);
        var client = App.CreateClient();

        var saved = await SurveysSetup.AnswerAsync(client, token, new { cooperation = 2 }, draft: true);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a draft may lack required answers");
        var definition = await client.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/responses/{token}");
        Assert.That(definition!["saved"]!["cooperation"]![0]!.GetValue<string>(), Is.EqualTo("2"));
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Answers.CountAsync(a => a.SurveyId == identified)), Is.Zero, "drafts are not results");

        Assert.That((await SurveysSetup.AnswerAsync(client, token, new { cooperation = 2, role = 1 })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var response = await SurveysSetup.InSurveysAsync(App, db => db.Responses.SingleAsync(r => r.SurveyId == identified));
        Assert.Multiple(() =>
        {
            Assert.That(response.Email, Is.EqualTo(email));
            Assert.That(response.SubmittedAt, Is.Not.Null);
            Assert.That(response.DraftJson, Is.Null);
        });

        var anonymous = await SurveysSetup.SurveyAsync(_coordinator, _network, Questions);
        var other = $"nimeton-{Guid.NewGuid():N}@example.fi";
        await SurveysSetup.InviteAsync(_coordinator, anonymous, (other, null));
        await SurveysSetup.RunMailJobAsync(App);
        Assert.That((await SurveysSetup.AnswerAsync(client, await SurveysSetup.TokenForAsync(App, other), new { cooperation = 2 }, draft: true)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
