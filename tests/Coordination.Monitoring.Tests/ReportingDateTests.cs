using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;

namespace Coordination.Monitoring.Tests;

/// <summary>The funder's reporting dates: coordinators set them, managers mark their own
/// projects' reports submitted, bad input is refused field by field, what is due is listed, and
/// each manager is reminded once — also when two runs of the job overlap.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReportingDateTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private NetworkLife _life = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _life = new NetworkLife(App, _coordinator, NetworkLife.Small with { Events = 0, Surveys = 0, Models = 0, ExpertReviewed = 0, Issues = 0, Subscribers = 0, Unsubscribed = 0, Posts = 0 });
        await _life.BuildAsync();
    }

    private static DateOnly Today => DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> AddAsync(Guid project, string kind, DateOnly due, string? note = null)
        => _coordinator.PostAsJsonAsync($"/api/v1/monitoring/projects/{project}/reporting-dates", new { kind, dueDate = Date(due), note });

    [Test]
    public async Task Coordinators_set_dates_managers_mark_their_own_and_the_list_shows_what_is_due()
    {
        var (one, two) = (_life.Projects[0], _life.Projects[1]);
        var interim = await Api.IdOfAsync(await AddAsync(one.Id, "interim", Today.AddDays(10), "Väliselvitys OPH:n lomakkeella"));
        var final = await Api.IdOfAsync(await AddAsync(one.Id, "final", Today.AddDays(200)));
        var other = await Api.IdOfAsync(await AddAsync(two.Id, "interim", Today.AddDays(-3)));

        var all = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/reporting-dates?networkId={_life.NetworkId}&status=all"))!["items"]!.AsArray();
        var byId = all.ToDictionary(d => d!["id"]!.GetValue<Guid>());
        Assert.Multiple(() =>
        {
            Assert.That(byId[interim]!["status"]!.GetValue<string>(), Is.EqualTo("due"), "within the reminder window");
            Assert.That(byId[final]!["status"]!.GetValue<string>(), Is.EqualTo("upcoming"));
            Assert.That(byId[other]!["status"]!.GetValue<string>(), Is.EqualTo("due"));
            Assert.That(byId[other]!["overdue"]!.GetValue<bool>(), Is.True);
        });

        // The manager sees and marks their own project's reports only.
        var manager = one.ManagerApi;
        var mine = (await manager.GetFromJsonAsync<JsonObject>("/api/v1/monitoring/reporting-dates?status=all"))!["items"]!.AsArray();
        Assert.That(mine.Select(d => d!["id"]!.GetValue<Guid>()), Is.EquivalentTo(new[] { interim, final }));
        Assert.That((await manager.PostAsJsonAsync($"/api/v1/monitoring/reporting-dates/{other}/submitted", new { })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another project's report");
        Assert.That((await manager.PostAsJsonAsync($"/api/v1/monitoring/projects/{one.Id}/reporting-dates", new { kind = "final", dueDate = Date(Today) })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "dates are the coordinators'");
        Assert.That((await manager.GetAsync($"/api/v1/monitoring/projects/{two.Id}/reporting-dates")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var future = await manager.PostAsJsonAsync($"/api/v1/monitoring/reporting-dates/{interim}/submitted", new { submittedOn = Date(Today.AddDays(1)) });
        Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await future.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["submittedOn"], Is.Not.Null);
        var marked = await manager.PostAsJsonAsync($"/api/v1/monitoring/reporting-dates/{interim}/submitted", new { submittedOn = Date(Today.AddDays(-1)) });
        Assert.That(marked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await marked.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>(), Is.EqualTo("submitted"));

        bool Ours(JsonNode? d) => d!["projectId"]!.GetValue<Guid>() == one.Id || d["projectId"]!.GetValue<Guid>() == two.Id;
        var open = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/reporting-dates?networkId={_life.NetworkId}"))!["items"]!.AsArray().Where(Ours);
        Assert.That(open.Select(d => d!["id"]!.GetValue<Guid>()), Is.EquivalentTo(new[] { final, other }), "open: not submitted");
        var due = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/reporting-dates?networkId={_life.NetworkId}&status=due"))!["items"]!.AsArray().Where(Ours);
        Assert.That(due.Select(d => d!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { other }));

        // The page lists them with their status, and the manager's home page links to what is due.
        var page = await (await App.BrowserClientAsync(Roles.Coordinator)).GetStringAsync($"/monitoring/reports?networkId={_life.NetworkId}&status=all");
        Assert.That(page, Does.Contain($"data-reporting-date=\"{other}\"").And.Contain("Myöhässä"));
        var edited = await _coordinator.PutAsJsonAsync($"/api/v1/monitoring/reporting-dates/{final}", new { kind = "final", dueDate = Date(Today.AddDays(100)), note = "Siirretty" });
        Assert.That((await edited.Content.ReadFromJsonAsync<JsonObject>())!["dueDate"]!.GetValue<string>(), Is.EqualTo(Date(Today.AddDays(100))));
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/monitoring/reporting-dates/{final}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/monitoring/reporting-dates/{final}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Bad_input_is_refused_field_by_field()
    {
        var project = _life.Projects[2].Id;
        var response = await _coordinator.PostAsJsonAsync($"/api/v1/monitoring/projects/{project}/reporting-dates", new { kind = "monthly", dueDate = "31.12.2026", note = new string('x', 1001) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "kind", "dueDate", "note" }));
        Assert.That((await _coordinator.PostAsJsonAsync($"/api/v1/monitoring/projects/{project}/reporting-dates", new { kind = "final" })).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a date is required");
        Assert.That((await AddAsync(Guid.NewGuid(), "final", Today)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // The form shows the errors beside the fields and saves nothing.
        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        var form = await browser.PostFormAsync($"/monitoring/projects/{project}/reports", $"/monitoring/projects/{project}/reports", new() { ["kind"] = "final", ["dueDate"] = "huomenna" });
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await form.Content.ReadAsStringAsync(), Does.Contain("error-summary").And.Contain("f-dueDate-error"));
        var saved = await browser.PostFormAsync($"/monitoring/projects/{project}/reports", $"/monitoring/projects/{project}/reports", new() { ["kind"] = "final", ["dueDate"] = Date(Today.AddDays(400)) });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Each_manager_is_reminded_once_even_when_two_runs_overlap()
    {
        var project = _life.Projects[3];
        var due = Today.AddDays(7);
        var id = await Api.IdOfAsync(await AddAsync(project.Id, "final", due));
        await Api.IdOfAsync(await AddAsync(project.Id, "interim", Today.AddDays(30)));
        int Reminders() => App.PickedUpMail().Count(m => m.To.ToString().Contains(project.Manager.Email, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Muistutus: Loppuselvitys", StringComparison.Ordinal));

        await Task.WhenAll(Api.RunJobAsync(App, "report-reminders"), Api.RunJobAsync(App, "report-reminders"));
        await Api.RunJobAsync(App, "report-reminders");
        Assert.That(Reminders(), Is.EqualTo(1), "once, though the job ran three times (two at once)");
        var mail = App.PickedUpMail().Last(m => m.To.ToString().Contains(project.Manager.Email, StringComparison.OrdinalIgnoreCase));
        Assert.That(mail.TextBody, Does.Contain($"/monitoring/projects/{project.Id}/reports").And.Contain(due.ToString("d.M.yyyy", CultureInfo.InvariantCulture)));
        Assert.That(App.PickedUpMail().Count(m => (m.Subject ?? "").StartsWith("Muistutus: Väliselvitys", StringComparison.Ordinal) && m.To.ToString().Contains(project.Manager.Email, StringComparison.OrdinalIgnoreCase)), Is.Zero, "30 days ahead is not yet due");

        // A moved date is reminded of anew; a submitted report is not.
        await _coordinator.PutAsJsonAsync($"/api/v1/monitoring/reporting-dates/{id}", new { kind = "final", dueDate = Date(due.AddDays(2)) });
        await Api.RunJobAsync(App, "report-reminders");
        Assert.That(Reminders(), Is.EqualTo(2));
        await _coordinator.PostAsJsonAsync($"/api/v1/monitoring/reporting-dates/{id}/submitted", new { });
        await _coordinator.PutAsJsonAsync($"/api/v1/monitoring/reporting-dates/{id}", new { kind = "final", dueDate = Date(due.AddDays(3)) });
        await Api.RunJobAsync(App, "report-reminders");
        Assert.That(Reminders(), Is.EqualTo(2));
    }
}
