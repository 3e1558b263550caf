using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;

namespace Coordination.Monitoring.Tests;

/// <summary>The home page by role: the public front page for visitors; for those signed in what
/// needs attention, each a link to where it is dealt with — gathered from every module's own data.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HomePageTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private NetworkLife _life = null!;
    private Guid _event;
    private Guid _survey;
    private Guid _report;
    private string _memberEmail = "";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Coordination:RateLimits:PublicFormsPerMinute"] = "100000" };

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _life = new NetworkLife(App, _coordinator, NetworkLife.Small with { Events = 2, Surveys = 1, Models = 2, ExpertReviewed = 0, Issues = 0, Subscribers = 0, Unsubscribed = 0, Posts = 0 });
        await _life.BuildAsync();

        // Coming this week: a public event with a registration (the member's).
        _memberEmail = await App.CreateUserAsync(Roles.Member);
        var start = DateTime.UtcNow.AddDays(3);
        _event = await Api.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = _life.NetworkId, type = "webinar", title = new { fi = "Viikon webinaari", sv = "Veckans webbinarium" }, startsAt = Iso(start), endsAt = Iso(start.AddHours(1)), audience = "public", capacity = 30,
        }));
        Assert.That((await App.CreateClient().PostAsJsonAsync($"/api/v1/events/{_event}/registrations", new { name = "Jäsen", email = _memberEmail })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // An open survey the member is asked to answer.
        _survey = await Api.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/surveys", new
        {
            networkId = _life.NetworkId, title = new { fi = "Avoin kysely", sv = "Öppen enkät" }, intro = new { fi = "Vastaa" }, anonymous = true,
            opensAt = Iso(DateTime.UtcNow.AddMinutes(-5)), closesAt = Iso(DateTime.UtcNow.AddDays(10)),
            questions = new object[] { new { key = "q1", type = "likert", text = new { fi = "Hyvä?" }, cantSay = true } },
        }));
        await Api.OkAsync(await _coordinator.PostAsync($"/api/v1/surveys/{_survey}/open", null));
        await Api.OkAsync(await _coordinator.PostAsJsonAsync($"/api/v1/surveys/{_survey}/invitations", new { recipients = new[] { new { email = _memberEmail, name = "Jäsen" } } }));

        _report = await Api.IdOfAsync(await _coordinator.PostAsJsonAsync($"/api/v1/monitoring/projects/{_life.Projects[0].Id}/reporting-dates", new
        {
            kind = "interim", dueDate = DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow)).AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Test]
    public async Task Visitors_get_the_public_front_page()
    {
        var page = await App.CreateClient().GetStringAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<h1>Verkoston yhteinen työtila</h1>"));
            Assert.That(page, Does.Contain($"href=\"/events/{_event}\""), "upcoming public events");
            Assert.That(page, Does.Contain("id=\"home-newest-models\"").And.Contain("/method-bank/"), "newest models");
            Assert.That(page, Does.Contain("href=\"/newsletter/subscribe\""), "the newsletter subscription");
            Assert.That(page, Does.Contain("href=\"/account/sign-in\""));
            Assert.That(page, Does.Not.Contain("Työpöytä"));
        });
    }

    [Test]
    public async Task A_coordinator_sees_what_needs_attention_today()
    {
        var page = await (await App.BrowserClientAsync(Roles.Coordinator)).GetStringAsync("/");
        var lacking = _life.Projects[0];
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<h1>Työpöytä</h1>"));
            Assert.That(page, Does.Contain($"href=\"/events/{_event}/registrations\"").And.Contain("Paikkoja varattu: 1/30"), "this week's events and their registrations");
            Assert.That(page, Does.Contain($"href=\"/surveys/{_survey}\"").And.Contain("vastannut "), "open surveys with response rates");
            Assert.That(page, Does.Contain($"href=\"/monitoring/projects/{lacking.Id}/reports\""), "reports due");
            Assert.That(page, Does.Contain($"href=\"/membership/projects/{lacking.Id}/letters/{lacking.Lead}\""), "unconfirmed commitment letters");
            Assert.That(page, Does.Contain("id=\"home-goals-to-review\""), "goals not reviewed in six months (none yet)");
            Assert.That(page, Does.Contain("id=\"home-reviews-overdue\""));
            Assert.That(page, Does.Not.Contain("id=\"home-parked-deliveries\""), "nothing parked");
        });
    }

    [Test]
    public async Task A_project_manager_sees_the_same_for_their_own_projects()
    {
        var project = _life.Projects[0];
        var client = App.CreateBrowserClient();
        await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = project.Manager.Email, ["password"] = CoordinationApp.Password });
        var page = await client.GetStringAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain($"href=\"/monitoring/projects/{project.Id}/reports\""), "their project's report");
            Assert.That(page, Does.Contain($"href=\"/membership/projects/{project.Id}/letters/{project.Lead}\""));
            Assert.That(page, Does.Not.Contain($"/membership/projects/{_life.Projects[1].Id}/letters"), "not other projects'");
            Assert.That(page, Does.Contain($"href=\"/events/{_event}\""), "this week's events");
        });
    }

    [Test]
    public async Task A_member_sees_their_registrations_and_the_surveys_to_answer()
    {
        var client = App.CreateBrowserClient();
        await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = _memberEmail, ["password"] = CoordinationApp.Password });
        var page = await client.GetStringAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("id=\"home-my-registrations\"").And.Contain($"href=\"/events/{_event}\""));
            Assert.That(page, Does.Contain("id=\"home-surveys-to-answer\"").And.Contain("href=\"/s/"), "a personal link to answer");
            Assert.That(page, Does.Not.Contain("id=\"home-reports-due\""));
        });

        var token = page[(page.IndexOf("href=\"/s/", StringComparison.Ordinal) + 9)..];
        token = token[..token.IndexOf('"', StringComparison.Ordinal)];
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/v1/surveys/responses", new { token, answers = new { q1 = 4 } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await client.GetStringAsync("/"), Does.Not.Contain("href=\"/s/"), "answered: no longer to answer");
    }

    [Test]
    public async Task A_funders_observer_sees_the_indicators_of_their_networks()
    {
        var client = App.CreateBrowserClient();
        await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = _life.FunderEmail, ["password"] = CoordinationApp.Password });
        var page = await client.GetStringAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("id=\"home-indicators\"").And.Contain($"href=\"/monitoring/networks/{_life.NetworkId}\""));
            Assert.That(page, Does.Contain("julkaistut mallit 2 · vertaisarvioidut mallit 2"), "this year's figures");
            Assert.That(page, Does.Not.Contain("home-reports-due"));
            Assert.That(page, Does.Not.Contain("href=\"/membership/networks\""), "no network pages in the menu");
        });
    }
}
