using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using MiniExcelLibs;

namespace Coordination.Monitoring.Tests;

/// <summary>The done-when test of the funder's indicators: two years of a network's life built
/// through the API (16 projects, 60 events with attendance, 6 surveys, 40 models through peer
/// review, 10 newsletter issues, posts); every indicator, per project and per month, and the
/// report's figures (page and workbook read back) against counts made by the builder.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class TwoYearNetworkTests(Provider provider) : AppFixture(provider)
{
    private NetworkLife _life = null!;
    private HttpClient _coordinator = null!;

    // Subscribers, answers and registrations are public forms: one test client sends them all.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Coordination:RateLimits:PublicFormsPerMinute"] = "100000" };

    [OneTimeSetUp]
    public async Task BuildAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _life = new NetworkLife(App, _coordinator, NetworkLife.TwoYears);
        await _life.BuildAsync();
    }

    [Test]
    public async Task Every_indicator_matches_the_counts_of_what_was_done()
    {
        var i = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/networks/{_life.NetworkId}/indicators?{_life.Period}"))!;
        var attendances = _life.Attendances;
        var projectsOf = _life.Projects.ToDictionary(p => p.Id);
        Assert.Multiple(() =>
        {
            Assert.That(i["eventsHeld"]!.GetValue<int>(), Is.EqualTo(60));
            Assert.That(i["attendances"]!.GetValue<int>(), Is.EqualTo(attendances.Count));
            Assert.That(i["participants"]!.GetValue<int>(), Is.EqualTo(attendances.Select(a => a.Email).Distinct().Count()), "unique people");
            Assert.That(i["organisationsReached"]!.GetValue<int>(), Is.EqualTo(attendances.Select(a => a.Organisation).Distinct().Count()), "an organisation written by a guest in capitals is the project's organisation of that name");
            Assert.That(i["projectsReached"]!.GetValue<int>(), Is.EqualTo(attendances.Where(a => a.ProjectId is not null).Select(a => a.ProjectId).Distinct().Count()));
            Assert.That(i["projects"]!.GetValue<int>(), Is.EqualTo(16));
            Assert.That(i["surveys"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(i["surveyInvitations"]!.GetValue<int>(), Is.EqualTo(_life.Surveys.Sum(s => s.Invited)));
            Assert.That(i["surveyResponses"]!.GetValue<int>(), Is.EqualTo(_life.Surveys.Sum(s => s.Responses)));
            Assert.That(i["surveyResponseRate"]!.GetValue<double>(), Is.EqualTo(Math.Round((double)_life.Surveys.Sum(s => s.Responses) / _life.Surveys.Sum(s => s.Invited), 4)));
            Assert.That(i["modelsPublished"]!.GetValue<int>(), Is.EqualTo(40), "the draft is not counted");
            Assert.That(i["modelsPeerReviewed"]!.GetValue<int>(), Is.EqualTo(40));
            Assert.That(i["modelsExpertReviewed"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(i["newsletterIssues"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(i["newsletterRecipients"]!.GetValue<int>(), Is.EqualTo(_life.IssueRecipients.Sum()));
            Assert.That(i["subscribers"]!.GetValue<int>(), Is.EqualTo(_life.SubscribersAtEnd), "confirmed and not unsubscribed at the period's end");
            Assert.That(i["newSubscribers"]!.GetValue<int>(), Is.EqualTo(_life.NewSubscribers));
            Assert.That(i["posts"]!.GetValue<int>(), Is.EqualTo(_life.Posts.Count));
        });

        var byType = i["eventsByType"]!.AsArray().ToDictionary(t => t!["type"]!.GetValue<string>(), t => (t!["events"]!.GetValue<int>(), t["attendances"]!.GetValue<int>()));
        foreach (var type in _life.Events.Select(e => e.Type).Distinct())
        {
            Assert.That(byType[type], Is.EqualTo((_life.Events.Count(e => e.Type == type), attendances.Count(a => a.Type == type))), type);
        }

        var byProject = i["byProject"]!.AsArray().ToDictionary(p => p!["projectId"]!.GetValue<Guid>());
        Assert.That(byProject.Keys, Is.EquivalentTo(projectsOf.Keys));
        foreach (var (id, row) in byProject)
        {
            var mine = attendances.Where(a => a.ProjectId == id).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(row!["attendances"]!.GetValue<int>(), Is.EqualTo(mine.Count), projectsOf[id].Acronym);
                Assert.That(row["participants"]!.GetValue<int>(), Is.EqualTo(mine.Select(a => a.Email).Distinct().Count()));
                Assert.That(row["eventsAttended"]!.GetValue<int>(), Is.EqualTo(mine.Select(a => a.Event).Distinct().Count()));
                Assert.That(row["attendanceShare"]!.GetValue<double>(), Is.EqualTo(Math.Round((double)mine.Count / attendances.Count, 4)));
                Assert.That(row["modelsPublished"]!.GetValue<int>(), Is.EqualTo(_life.Models.Count(m => m.Value == id)));
                Assert.That(row["modelsPeerReviewed"]!.GetValue<int>(), Is.EqualTo(_life.PeerReviewed.Count(m => _life.Models[m] == id)));
                Assert.That(row["modelsExpertReviewed"]!.GetValue<int>(), Is.EqualTo(_life.ExpertReviewed.Count(m => _life.Models[m] == id)));
                Assert.That(row["posts"]!.GetValue<int>(), Is.EqualTo(_life.Posts.Count(p => p == id)));
            });
        }

        var months = i["byMonth"]!.AsArray().ToDictionary(m => (m!["year"]!.GetValue<int>() * 100) + m["month"]!.GetValue<int>());
        Assert.That(months, Has.Count.EqualTo(((_life.To.Year - _life.From.Year) * 12) + _life.To.Month - _life.From.Month + 1), "every month of the period, empty ones too");
        foreach (var (month, row) in months)
        {
            Assert.That(row!["eventsHeld"]!.GetValue<int>(), Is.EqualTo(_life.Events.Count(e => Month(e.StartsAt) == month)), $"events in {month}");
            Assert.That(row["attendances"]!.GetValue<int>(), Is.EqualTo(attendances.Count(a => Month(a.StartsAt) == month)), $"attendances in {month}");
        }

        Assert.That(months.Values.Sum(m => m!["modelsPublished"]!.GetValue<int>()), Is.EqualTo(40));
        Assert.That(months.Values.Sum(m => m!["newsletterIssues"]!.GetValue<int>()), Is.EqualTo(10));
    }

    [Test]
    public async Task A_period_counts_only_what_falls_in_it()
    {
        // The first year of events only: no survey, model, issue or post falls in it (all are today's).
        var from = _life.From;
        var to = DateOnly.FromDateTime(HelsinkiTime.ToLocal(_life.Events[29].StartsAt));
        var i = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/networks/{_life.NetworkId}/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"))!;
        Assert.Multiple(() =>
        {
            Assert.That(i["eventsHeld"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(i["attendances"]!.GetValue<int>(), Is.EqualTo(_life.Attendances.Count(a => a.Event < 30)));
            Assert.That(i["participants"]!.GetValue<int>(), Is.EqualTo(_life.Attendances.Where(a => a.Event < 30).Select(a => a.Email).Distinct().Count()));
            Assert.That(i["modelsPublished"]!.GetValue<int>(), Is.Zero);
            Assert.That(i["surveys"]!.GetValue<int>(), Is.Zero);
            Assert.That(i["newsletterIssues"]!.GetValue<int>(), Is.Zero);
            Assert.That(i["subscribers"]!.GetValue<int>(), Is.Zero, "nobody had subscribed by then");
        });
    }

    [Test]
    public async Task The_report_page_and_workbook_carry_the_same_figures()
    {
        var i = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/networks/{_life.NetworkId}/indicators?{_life.Period}"))!;
        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        var page = await browser.GetStringAsync($"/monitoring/networks/{_life.NetworkId}/report?{_life.Period}");
        var fi = CultureInfo.GetCultureInfo("fi");
        foreach (var key in new[] { "eventsHeld", "attendances", "participants", "organisationsReached", "modelsPublished", "modelsPeerReviewed", "modelsExpertReviewed", "newsletterIssues", "subscribers", "posts", "surveys" })
        {
            Assert.That(page, Does.Contain($"data-indicator=\"{key}\">{i[key]!.GetValue<int>().ToString("N0", fi)}</td>"), key);
        }

        Assert.That(page, Does.Contain($"{i["projectsReached"]!.GetValue<int>()} / 16"));
        foreach (var project in _life.Projects)
        {
            Assert.That(page, Does.Contain($"data-project=\"{project.Id}\""), "the per-project table");
        }

        var response = await _coordinator.GetAsync($"/api/v1/monitoring/networks/{_life.NetworkId}/report.xlsx?{_life.Period}");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        await using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(workbook);
        Assert.That(sheets, Is.EqualTo(new[] { "Yhteenveto", "Tapahtumat", "Kuukausittain", "Hankkeet", "Kyselyt", "Tiedotus" }), "the summary first, then a sheet per area (Finnish)");

        var summary = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Yhteenveto").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Tunnusluku"]!, r => r["Arvo"]);
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToInt32(summary["Pidetyt tapahtumat"], CultureInfo.InvariantCulture), Is.EqualTo(i["eventsHeld"]!.GetValue<int>()));
            Assert.That(Convert.ToInt32(summary["Osallistumiset"], CultureInfo.InvariantCulture), Is.EqualTo(i["attendances"]!.GetValue<int>()));
            Assert.That(Convert.ToInt32(summary["Osallistujat (eri henkilöitä)"], CultureInfo.InvariantCulture), Is.EqualTo(i["participants"]!.GetValue<int>()));
            Assert.That(Convert.ToInt32(summary["Tavoitetut organisaatiot"], CultureInfo.InvariantCulture), Is.EqualTo(i["organisationsReached"]!.GetValue<int>()));
            Assert.That(Convert.ToInt32(summary["Julkaistut mallit"], CultureInfo.InvariantCulture), Is.EqualTo(40));
            Assert.That(Convert.ToInt32(summary["Vertaisarvioidut mallit"], CultureInfo.InvariantCulture), Is.EqualTo(40));
            Assert.That(Convert.ToInt32(summary["Uutiskirjeen numerot"], CultureInfo.InvariantCulture), Is.EqualTo(10));
            Assert.That(Convert.ToInt32(summary["Päättyneet kyselyt"], CultureInfo.InvariantCulture), Is.EqualTo(6));
        });

        var projects = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Hankkeet").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(projects, Has.Count.EqualTo(16));
        var rows = i["byProject"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>());
        foreach (var row in projects)
        {
            var api = rows[(string)row["Hanke"]!]!;
            Assert.That(Convert.ToInt32(row["Osallistumiset"], CultureInfo.InvariantCulture), Is.EqualTo(api["attendances"]!.GetValue<int>()));
            Assert.That(Convert.ToDouble(row["Osuus osallistumisista"], CultureInfo.InvariantCulture), Is.EqualTo(api["attendanceShare"]!.GetValue<double>()).Within(1e-9));
        }

        var surveys = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Kyselyt").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(surveys.Sum(s => Convert.ToInt32(s["Vastaukset"], CultureInfo.InvariantCulture)), Is.EqualTo(_life.Surveys.Sum(s => s.Responses)));
        var issues = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Tiedotus").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(issues.Sum(s => Convert.ToInt32(s["Uutiskirjeen vastaanottajat"], CultureInfo.InvariantCulture)), Is.EqualTo(_life.IssueRecipients.Sum()));

        // Swedish: the same workbook with Swedish sheet names and headings.
        var swedish = await _coordinator.GetAsync($"/api/v1/monitoring/networks/{_life.NetworkId}/report.xlsx?{_life.Period}&culture=sv");
        await using var sv = new MemoryStream(await swedish.Content.ReadAsByteArrayAsync());
        Assert.That(MiniExcel.GetSheetNames(sv), Is.EqualTo(new[] { "Sammanfattning", "Evenemang", "Per månad", "Projekt", "Enkäter", "Information" }));
    }

    [Test]
    public async Task The_funders_observer_reads_the_given_network_and_nothing_else()
    {
        var funder = await App.ApiClientForAsync(_life.FunderEmail, CoordinationApp.Password);
        Assert.That((await funder.GetAsync($"/api/v1/monitoring/networks/{_life.NetworkId}/indicators?{_life.Period}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var networks = (await funder.GetFromJsonAsync<JsonObject>("/api/v1/monitoring/networks"))!["items"]!.AsArray();
        Assert.That(networks.Select(n => n!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { _life.NetworkId }));

        var other = await Api.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Toinen verkosto {Guid.NewGuid():N}" } }));
        await Api.DrainedAsync(App);
        Assert.That((await funder.GetAsync($"/api/v1/monitoring/networks/{other}/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a network not given to them");
        Assert.That((await funder.GetAsync($"/api/v1/monitoring/networks/{other}/report.xlsx")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await funder.GetAsync("/api/v1/membership/projects")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not the network's own data");

        var stranger = await App.ApiClientAsync(Roles.Funder);
        Assert.That((await stranger.GetAsync($"/api/v1/monitoring/networks/{_life.NetworkId}/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a funder account without the directory role sees nothing");
    }

    [Test]
    public async Task Bad_periods_are_refused_with_field_errors()
    {
        foreach (var (query, field) in new[] { ("from=2026-13-01", "from"), ("to=31.12.2026", "to"), ("from=2026-05-01&to=2026-04-01", "to"), ("year=20x6", "year"), ("from=2000-01-01&to=2030-01-01", "to") })
        {
            var response = await _coordinator.GetAsync($"/api/v1/monitoring/networks/{_life.NetworkId}/indicators?{query}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), query);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.That(problem["errors"]![field], Is.Not.Null, query);
        }

        Assert.That((await _coordinator.GetAsync($"/api/v1/monitoring/networks/{Guid.NewGuid()}/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = await (await App.BrowserClientAsync(Roles.Coordinator)).GetAsync($"/monitoring/networks/{_life.NetworkId}?from=huono");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("error-summary"));
    }

    private static int Month(DateTime utc)
    {
        var local = HelsinkiTime.ToLocal(utc);
        return (local.Year * 100) + local.Month;
    }
}
