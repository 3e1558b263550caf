using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Tests;

/// <summary>A new survey is a draft: no answers, no invitations, until a coordinator opens it
/// (now, or scheduled to its opening time). Opening sends the invitations made meanwhile, once.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class DraftTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private HttpClient _browser = null!;
    private Guid _network;

    protected override IDictionary<string, string?>? Settings => SurveysSetup.NoPublicRateLimit;

    private static object[] Questions => [SurveysSetup.Likert("a", "Väite", sv: "Påstående")];

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _browser = await App.BrowserClientAsync(Roles.Coordinator);
        _network = await SurveysSetup.NetworkAsync(App, _coordinator);
    }

    [Test]
    public async Task A_draft_takes_no_answers_and_sends_nothing_until_opened_and_opening_sends_each_invitation_once()
    {
        var survey = await SurveysSetup.DraftAsync(_coordinator, _network, Questions, title: "Luonnoskysely");
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var (first, second) = ($"luonnos-a-{stamp}@example.fi", $"luonnos-b-{stamp}@example.fi");
        await SurveysSetup.InviteAsync(_coordinator, survey, (first, null), (second, null));
        var url = (await (await _coordinator.PostAsync($"/api/v1/surveys/{survey}/open-link", null)).Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
        var slug = url.Split('/')[^1];
        await SurveysSetup.RunMailJobAsync(App);

        Assert.That(await MailsToAsync(stamp), Is.Zero, "a draft sends no invitations");
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Invitations.CountAsync(i => i.SurveyId == survey && i.SentAt != null)), Is.Zero);
        Assert.That((await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}"))!["state"]!.GetValue<string>(), Is.EqualTo("draft"));
        Assert.That(await IdsAsync("draft"), Does.Contain(survey));
        Assert.That(await IdsAsync("open"), Does.Not.Contain(survey));

        var guest = App.CreateClient();
        var refused = await guest.PostAsJsonAsync($"/api/v1/surveys/open/{slug}/responses", new { answers = new { a = 3 } });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("ei ole vielä avoinna"));
        var form = await guest.GetAsync($"/s/open/{slug}");
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await form.Content.ReadAsStringAsync(), Does.Contain("Kysely ei ole vielä auki").And.Not.Contain("<form"));
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Responses.CountAsync(r => r.SurveyId == survey)), Is.Zero);

        var page = await _browser.GetStringAsync($"/surveys/{survey}");
        Assert.That(page, Does.Contain(">Luonnos<").And.Contain("Kun kysely avataan, siihen voi vastata ja 2 kutsua lähtee.").And.Contain("Kutsut tallentuvat, mutta ne lähtevät vasta, kun avaat kyselyn."));

        var opened = await _browser.PostFormAsync($"/surveys/{survey}", $"/surveys/{survey}/open", new() { ["when"] = "now" });
        Assert.That(opened.Headers.Location?.OriginalString, Is.EqualTo($"/surveys/{survey}?saved=opened"));
        await SurveysSetup.RunMailJobAsync(App);
        var again = await (await _coordinator.PostAsync($"/api/v1/surveys/{survey}/open", null)).Content.ReadFromJsonAsync<JsonObject>();
        await SurveysSetup.RunMailJobAsync(App);

        Assert.Multiple(async () =>
        {
            Assert.That(again!["changed"]!.GetValue<bool>(), Is.False, "opening an open survey changes nothing");
            Assert.That(again["state"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(await MailsToAsync(stamp), Is.EqualTo(2), "each invitation once");
            Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.AuditEntries.CountAsync(e => e.Action == "OpenSurvey" && e.EntityId == survey.ToString())), Is.EqualTo(1));
        });
        var answered = await SurveysSetup.AnswerAsync(guest, await SurveysSetup.TokenForAsync(App, first), new { a = 4 });
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await answered.Content.ReadAsStringAsync());
        Assert.That((await guest.PostAsJsonAsync($"/api/v1/surveys/open/{slug}/responses", new { answers = new { a = 3 } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task A_draft_is_scheduled_to_its_opening_time_or_opened_now_and_a_closed_one_is_not_opened()
    {
        var opensAt = DateTimeOffset.UtcNow.AddDays(2);
        var scheduled = await SurveysSetup.DraftAsync(_coordinator, _network, Questions, opensAt: opensAt, closesAt: opensAt.AddDays(7));
        var email = $"ajastettu-{Guid.NewGuid():N}@example.fi";
        await SurveysSetup.InviteAsync(_coordinator, scheduled, (email, null));
        var result = await (await _coordinator.PostAsync($"/api/v1/surveys/{scheduled}/open?scheduled=true", null)).Content.ReadFromJsonAsync<JsonObject>();
        await SurveysSetup.RunMailJobAsync(App);
        Assert.Multiple(async () =>
        {
            Assert.That(result!["state"]!.GetValue<string>(), Is.EqualTo("scheduled"));
            Assert.That(result["invitationsToSend"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["opensAt"]!.GetValue<DateTime>(), Is.EqualTo(opensAt.UtcDateTime).Within(TimeSpan.FromSeconds(1)), "the opening time is kept");
            Assert.That((await App.MailAsync()).Any(m => m.To.ToString().Contains(email, StringComparison.Ordinal)), Is.False, "nothing before the opening time");
        });

        var now = await SurveysSetup.DraftAsync(_coordinator, _network, Questions, opensAt: opensAt, closesAt: opensAt.AddDays(7));
        var openedNow = await (await _coordinator.PostAsync($"/api/v1/surveys/{now}/open", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(openedNow!["state"]!.GetValue<string>(), Is.EqualTo("open"));
        Assert.That(openedNow["opensAt"]!.GetValue<DateTime>(), Is.LessThanOrEqualTo(DateTime.UtcNow), "opened now: the window starts now");

        var closed = await SurveysSetup.DraftAsync(_coordinator, _network, Questions);
        Assert.That((await _coordinator.PostAsync($"/api/v1/surveys/{closed}/close", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var refused = await _coordinator.PostAsync($"/api/v1/surveys/{closed}/open", null);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await _coordinator.PostAsync($"/api/v1/surveys/{Guid.NewGuid()}/open", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<int> MailsToAsync(string stamp)
        => (await App.MailAsync()).Count(m => m.To.ToString().Contains(stamp, StringComparison.Ordinal));

    private async Task<List<Guid>> IdsAsync(string state)
        => [.. (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys?networkId={_network}&state={state}&pageSize=100"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
}
