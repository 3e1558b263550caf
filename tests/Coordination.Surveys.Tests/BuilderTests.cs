using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Tests;

/// <summary>The survey builder through the API and the forms: validation, templates, frozen
/// surveys becoming new versions, questions added, moved and removed, deleting.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class BuilderTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private HttpClient _browser = null!;
    private Guid _network;

    protected override IDictionary<string, string?>? Settings => SurveysSetup.NoPublicRateLimit;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _browser = await App.BrowserClientAsync(Roles.Coordinator);
        _network = await SurveysSetup.NetworkAsync(App, _coordinator);
    }

    [Test]
    public async Task Invalid_surveys_are_field_errors_and_nothing_is_saved()
    {
        var before = await SurveysSetup.InSurveysAsync(App, db => db.Surveys.CountAsync());
        var response = await _coordinator.PostAsJsonAsync("/api/v1/surveys", new
        {
            networkId = Guid.NewGuid(),
            title = new { fi = "" },
            opensAt = "2026-12-10T09:00",
            closesAt = "2026-12-01T09:00",
            questions = new object[]
            {
                new { key = "a b", type = "likert", text = new { fi = "Väite" } },
                new { key = "c", type = "single", text = new { fi = "Valinta" }, options = new[] { "Vain yksi" } },
                new { key = "c", type = "ranking", text = new { fi = "" } },
            },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.That(errors, Is.SupersetOf(new[] { "networkId", "title.fi", "closesAt", "questions[0].key", "questions[1].options", "questions[2].type", "questions[2].text.fi", "questions" }));
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Surveys.CountAsync()), Is.EqualTo(before));
    }

    [TestCase("networkFeedback", 10)]
    [TestCase("goalEvaluation", 6)]
    [TestCase("eventFeedback", 6)]
    [TestCase("networkHealth", 11)]
    public async Task A_survey_starts_from_a_template_in_three_languages(string template, int questions)
    {
        var id = await SurveysSetup.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/surveys/from-template", new { networkId = _network, template }));
        var survey = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{id}");
        var list = survey!["questions"]!.AsArray();
        Assert.That(list, Has.Count.EqualTo(questions));
        Assert.That(list.All(q => q!["text"]!["sv"] is not null && q["text"]!["en"] is not null), "every question in Swedish and English too");
        Assert.That(survey["state"]!.GetValue<string>(), Is.EqualTo("draft"), "a new survey is a draft until opened");
        Assert.That((await _coordinator.PostAsJsonAsync("/api/v1/surveys/from-template", new { networkId = _network, template = "horoscope" })).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_survey_with_responses_is_frozen_and_an_edit_makes_a_new_version()
    {
        var id = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite A")]);
        var edit = new { networkId = _network, title = new { fi = "Muokattu" }, opensAt = SurveysSetup.Time(DateTimeOffset.UtcNow.AddMinutes(-1)), closesAt = SurveysSetup.Time(DateTimeOffset.UtcNow.AddDays(3)), questions = new[] { SurveysSetup.Likert("a", "Väite A"), SurveysSetup.Likert("b", "Väite B") } };
        var inPlace = await _coordinator.PutAsJsonAsync($"/api/v1/surveys/{id}", edit);
        Assert.That(inPlace.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no responses yet: edited in place");

        var email = $"v-{Guid.NewGuid():N}@example.fi";
        await SurveysSetup.AnswerAllAsync(App, _coordinator, id, [(email, null, new { a = 4 })]);
        var versioned = await _coordinator.PutAsJsonAsync($"/api/v1/surveys/{id}", edit with { });
        Assert.That(versioned.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = (await versioned.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That((body["version"]!.GetValue<int>(), body["newVersion"]!.GetValue<bool>()), Is.EqualTo((2, true)));
        var newId = body["id"]!.GetValue<Guid>();
        Assert.That(newId, Is.Not.EqualTo(id));
        var old = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{id}");
        Assert.That((old!["responses"]!.GetValue<int>(), old["questions"]!.AsArray().Count), Is.EqualTo((1, 2)), "the answered version keeps its questions and answers");
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/surveys/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/surveys/{newId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task A_question_needs_no_key_one_is_made_from_its_text()
    {
        var created = await _browser.PostFormAsync("/surveys/new", "/surveys/new", new() { ["networkId"] = _network.ToString(), ["template"] = "networkHealth" });
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        var id = Guid.Parse(page.Split('/')[^1]);
        foreach (var (key, text) in new[] { ("", "Tyytyväisyys palveluun?"), ("", "Tyytyväisyys palveluun?"), ("tyytyväisyys", "Kolmas") })
        {
            var added = await _browser.PostFormAsync($"{page}/questions/new?type=text", $"{page}/questions/new", new() { ["type"] = "text", ["key"] = key, ["text.fi"] = text });
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await added.Content.ReadAsStringAsync());
        }

        var matrix = await _browser.PostFormAsync($"{page}/questions/new?type=matrix", $"{page}/questions/new", new() { ["type"] = "matrix", ["key"] = "", ["statements.fi"] = "Tieto kulkee\nÄäni kuuluu" });
        Assert.That(matrix.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await matrix.Content.ReadAsStringAsync());
        var survey = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{id}");
        var questions = survey!["questions"]!.AsArray();
        Assert.That(questions.Select(q => q!["key"]!.GetValue<string>()).ToList()[^5..],
            Is.EqualTo(new[] { "tyytyvaisyys-palveluun", "tyytyvaisyys-palveluun-2", "tyytyvaisyys", "tieto-kulkee", "aani-kuuluu" }));
        Assert.That(questions[^1]!["matrix"]!.GetValue<string>(), Is.EqualTo(questions[^2]!["matrix"]!.GetValue<string>()), "the statements form one matrix");

        var html = await _browser.GetStringAsync(page);
        Assert.That(html, Does.Not.Contain("tyytyvaisyys-palveluun ·"), "the question list shows the type, not the key");
        Assert.That(html, Does.Contain("Muokkaa kysymystä Kolmas"));
    }

    [Test]
    public async Task The_forms_build_a_survey_from_a_template_and_edit_its_questions()
    {
        var created = await _browser.PostFormAsync("/surveys/new", "/surveys/new", new() { ["networkId"] = _network.ToString(), ["template"] = "networkHealth" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await created.Content.ReadAsStringAsync());
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        var id = Guid.Parse(page.Split('/')[^1]);
        Assert.That(await _browser.GetStringAsync(page), Does.Contain("Verkostolla on yhdessä sovitut pelisäännöt"));

        var matrix = await _browser.PostFormAsync($"{page}/questions/new?type=matrix", $"{page}/questions/new", new()
        {
            ["type"] = "matrix", ["key"] = "extra", ["statements.fi"] = "Ensimmäinen\nToinen", ["statements.sv"] = "Första\nAndra", ["cantSay"] = "true",
            ["lowLabel.fi"] = "Ei lainkaan", ["highLabel.fi"] = "Täysin",
        });
        Assert.That(matrix.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await matrix.Content.ReadAsStringAsync());
        var survey = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{id}");
        var keys = survey!["questions"]!.AsArray().Select(q => q!["key"]!.GetValue<string>()).ToList();
        Assert.That(keys[^2..], Is.EqualTo(new[] { "extra1", "extra2" }));
        Assert.That(survey["questions"]![keys.Count - 1]!["text"]!["sv"]!.GetValue<string>(), Is.EqualTo("Andra"));

        var invalid = await _browser.PostFormAsync($"{page}/questions/new?type=single", $"{page}/questions/new", new() { ["type"] = "single", ["key"] = "rules", ["text.fi"] = "Sama tunniste", ["options.fi"] = "Vain yksi" });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Anna 2–50 vaihtoehtoa"));
        Assert.That(html, Does.Contain("oma tunniste"));

        Assert.That((await _browser.PostFormAsync(page, $"{page}/questions/extra2/move", new() { ["direction"] = "up" })).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await _browser.PostFormAsync(page, $"{page}/questions/rules/delete", new())).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        survey = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{id}");
        keys = [.. survey!["questions"]!.AsArray().Select(q => q!["key"]!.GetValue<string>())];
        Assert.That(keys[^2..], Is.EqualTo(new[] { "extra2", "extra1" }));
        Assert.That(keys, Does.Not.Contain("rules"));

        var settings = await _browser.PostFormAsync($"{page}/edit", $"{page}/edit", new()
        {
            ["networkId"] = _network.ToString(), ["title.fi"] = "Syksyn itsearviointi", ["title.sv"] = "Höstens självvärdering", ["opensAt"] = "2026-12-01T09:00", ["closesAt"] = "2026-11-30T09:00",
        });
        Assert.That(settings.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await settings.Content.ReadAsStringAsync(), Does.Contain("Sulkeutumisen on oltava avautumisen jälkeen"));
    }

    [Test]
    public async Task The_coordinators_pages_answer_and_others_are_kept_out()
    {
        var id = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite A"), new { key = "t", type = "text", text = new { fi = "Muuta" } }]);
        foreach (var path in new[] { "/surveys", "/surveys?state=open", "/surveys/new", $"/surveys/{id}", $"/surveys/{id}/edit", $"/surveys/{id}/questions/new?type=single", $"/surveys/{id}/questions/a", $"/surveys/{id}/preview", $"/surveys/{id}/results", $"/surveys/{id}/compare" })
        {
            var response = await _browser.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }

        var member = await App.BrowserClientAsync(Roles.Member);
        Assert.That((await member.GetAsync($"/surveys/{id}")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        var manager = await App.ApiClientAsync(Roles.ProjectManager);
        Assert.That((await manager.PostAsJsonAsync("/api/v1/surveys/from-template", new { networkId = _network, template = "networkFeedback" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await manager.GetAsync($"/api/v1/surveys/{id}/invitations")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
