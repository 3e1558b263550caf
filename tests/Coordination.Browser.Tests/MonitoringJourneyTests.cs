using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>The home page of each role, the indicators and the printable funder's report in
/// Finnish and Swedish, with axe on every page; the grouped menu by keyboard on a phone and on a
/// wide screen.</summary>
public sealed class MonitoringJourneyTests : BrowserFixture
{
    private Guid _network;
    private Guid _project;
    private string _managerEmail = "";
    private string _memberEmail = "";
    private string _funderEmail = "";

    [OneTimeSetUp]
    public async Task SetUpDataAsync()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        async Task<Guid> Id(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        _network = await Id(await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Seurannan verkosto", sv = "Uppföljningens nätverk" } }));
        var lead = await Id(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Seurantaopisto", type = "educationProvider", language = "fi" }));
        _project = await Id(await api.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = _network, name = "Ohjauksen hanke", acronym = "OH", leadOrganisationId = lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2025-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 20000m,
        }));
        _managerEmail = await App.CreateUserAsync(Roles.ProjectManager, Roles.Member);
        await api.PostAsJsonAsync("/api/v1/membership/people", new { name = "Paula Päällikkö", email = _managerEmail, language = "fi", organisationId = lead, roles = new[] { new { role = "projectManager", projectId = _project } } });
        _funderEmail = await App.CreateUserAsync(Roles.Funder);
        await api.PostAsJsonAsync("/api/v1/membership/people", new { name = "Rahoittaja", email = _funderEmail, language = "sv", roles = new[] { new { role = "funderObserver", networkId = _network } } });
        _memberEmail = await App.CreateUserAsync(Roles.Member);

        // Two held events a month apart, one with the manager; a report due in a week; an event this week.
        for (var i = 0; i < 2; i++)
        {
            var start = DateTime.UtcNow.AddDays(-40 + (i * 30));
            object Input(DateTime at) => new
            {
                networkId = _network, type = i == 0 ? "webinar" : "workshop", title = new { fi = $"Seurantatapahtuma {i}", sv = $"Uppföljningsevenemang {i}" },
                startsAt = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), endsAt = at.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), audience = "network",
            };

            // Entered ahead (a new event cannot start in the past), then dated when it was held.
            var e = await Id(await Eventually.WaitForAsync(() => api.PostAsJsonAsync("/api/v1/events", Input(DateTime.UtcNow.AddDays(1))), r => r.IsSuccessStatusCode));
            (await api.PutAsJsonAsync($"/api/v1/events/{e}", Input(start))).EnsureSuccessStatusCode();
            await api.PostAsJsonAsync($"/api/v1/events/{e}/walk-ins", new { name = "Paula Päällikkö", email = _managerEmail, organisation = "Seurantaopisto" });
            await api.PostAsJsonAsync($"/api/v1/events/{e}/walk-ins", new { name = "Vieras", email = $"vieras{i}@example.fi", organisation = "Vierasopisto" });
            await api.PostAsync($"/api/v1/events/{e}/held", null);
        }

        var soon = DateTime.UtcNow.AddDays(2);
        var coming = await Id(await api.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = _network, type = "networkMeeting", title = new { fi = "Viikon tapaaminen", sv = "Veckans träff" },
            startsAt = soon.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), endsAt = soon.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), audience = "public", capacity = 20,
        }));
        await App.CreateClient().PostAsJsonAsync($"/api/v1/events/{coming}/registrations", new { name = "Jäsen", email = _memberEmail });
        await Eventually.WaitForAsync(() => api.PostAsJsonAsync($"/api/v1/monitoring/projects/{_project}/reporting-dates", new { kind = "interim", dueDate = DateTime.UtcNow.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), note = "OPH:n lomake" }), r => r.IsSuccessStatusCode);
        await Eventually.WaitForAsync(() => api.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/networks/{_network}/indicators?from={DateTime.UtcNow.AddYears(-1):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}"), i => i!["eventsHeld"]!.GetValue<int>() == 2);
    }

    private async Task<IPage> SignedInAsync(IBrowserContext context, string? email)
    {
        var page = await context.NewPageAsync();
        if (email is null)
        {
            await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
        }
        else
        {
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("Sähköposti").FillAsync(email);
            await page.GetByLabel("Salasana", new() { Exact = true }).FillAsync(CoordinationApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään" }).ClickAsync();
        }

        return page;
    }

    private Task<IBrowserContext> ContextAsync(ViewportSize? viewport = null)
        => Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI", ViewportSize = viewport });

    [TestCase("fi", "Työpöytä", "Erääntyvät raportit rahoittajalle", "Raportointi rahoittajalle: Ohjauksen hanke (OH)")]
    [TestCase("sv", "Översikt", "Rapporter till finansiären som förfaller", "Rapportering till finansiären: Ohjauksen hanke (OH)")]
    public async Task The_coordinators_dashboard_leads_to_what_needs_doing(string language, string title, string reports, string reportsPage)
    {
        await using var context = await ContextAsync();
        var page = await SignedInAsync(context, null);
        var visited = new List<string>();
        await page.GotoAsync($"/culture/{language}?returnUrl=%2F");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await CheckAccessibleAsync(page, visited);
        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = reports }) });
        await section.GetByRole(AriaRole.Link, new() { Name = "Ohjauksen hanke (OH)", Exact = false }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(reportsPage);
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync("/monitoring/reports?status=all");
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync("/admin/republish");
        await CheckAccessibleAsync(page, visited);
    }

    [TestCase("fi", "Tunnusluvut: Seurannan verkosto", "Raportti rahoittajalle: Seurannan verkosto")]
    [TestCase("sv", "Nyckeltal: Uppföljningens nätverk", "Rapport till finansiären: Uppföljningens nätverk")]
    public async Task The_indicators_and_the_printable_report_read_well_and_print_without_the_menus(string language, string indicators, string report)
    {
        await using var context = await ContextAsync();
        var page = await SignedInAsync(context, null);
        var visited = new List<string>();
        await page.GotoAsync($"/culture/{language}?returnUrl=%2Fmonitoring");
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync($"/monitoring/networks/{_network}?from={DateTime.UtcNow.AddDays(-100):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(indicators);
        await Assertions.Expect(page.Locator("[data-indicator=eventsHeld]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByRole(AriaRole.Img).First).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // The period form by keyboard: dates, then the button.
        await page.GetByLabel(language == "fi" ? "Alkaen" : "Från").FillAsync($"{DateTime.UtcNow.Year - 1}-01-01");
        await page.GetByLabel(language == "fi" ? "Asti" : "Till").FocusAsync();
        await page.Keyboard.TypeAsync($"{DateTime.UtcNow.Year}-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = language == "fi" ? "Näytä" : "Visa" }).PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-indicator=eventsHeld]")).ToHaveTextAsync("2");
        await CheckAccessibleAsync(page, visited);

        await page.GetByRole(AriaRole.Link, new() { Name = language == "fi" ? "Raportti rahoittajalle" : "Rapport till finansiären", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(report);
        await Assertions.Expect(page.Locator("[data-project]")).ToHaveCountAsync(1);
        await CheckAccessibleAsync(page, visited);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".main-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("table[data-table=by-project]")).ToBeVisibleAsync();
    }

    [TestCase("fi", "Verkoston toimivuus: Seurannan verkosto", "Seurantatapahtuma 1", "Ajastetut työt")]
    [TestCase("sv", "Nätverkets funktion: Uppföljningens nätverk", "Uppföljningsevenemang 1", "Schemalagda jobb")]
    public async Task Network_health_shows_ten_marks_whose_evidence_opens_the_page_that_proves_it(string language, string title, string eventTitle, string jobs)
    {
        await using var context = await ContextAsync();
        var page = await SignedInAsync(context, null);
        var visited = new List<string>();
        await page.GotoAsync($"/culture/{language}?returnUrl={Uri.EscapeDataString($"/monitoring/networks/{_network}/health")}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("li[data-mark]").First).ToBeVisibleAsync();
        Assert.That(await page.Locator("[data-mark]").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.dataset.mark))]"),
            Is.EquivalentTo(new[] { "rules", "commitment", "tasks", "leadership", "coordination", "meetings", "goals", "trust", "knowledge", "motivation" }));
        await CheckAccessibleAsync(page, visited);

        // Evidence opens the page that proves it: the held event, then the project.
        var evidence = page.Locator("li[data-mark] a[href^='/events/']").First;
        var href = await evidence.GetAttributeAsync("href");
        await evidence.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(href!) + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(eventTitle[..^2]);
        await page.GoBackAsync();
        var project = page.Locator($"li[data-mark] a[href='/membership/projects/{_project}']").First;
        await project.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ohjauksen hanke");
        await CheckAccessibleAsync(page, visited);

        await page.GotoAsync("/admin/jobs");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(jobs);
        await CheckAccessibleAsync(page, visited);
    }

    [TestCase("fi")]
    [TestCase("sv")]
    public async Task The_manager_member_and_funder_each_see_their_own_dashboard(string language)
    {
        var visited = new List<string>();
        var expected = new Dictionary<string, (string Email, string Section)>
        {
            ["manager"] = (_managerEmail, language == "fi" ? "Erääntyvät raportit rahoittajalle" : "Rapporter till finansiären som förfaller"),
            ["member"] = (_memberEmail, language == "fi" ? "Ilmoittautumisesi" : "Dina anmälningar"),
            ["funder"] = (_funderEmail, language == "fi" ? $"Verkostojen tunnusluvut {DateTime.UtcNow.Year}" : $"Nätverkens nyckeltal {DateTime.UtcNow.Year}"),
        };
        foreach (var (role, (email, section)) in expected)
        {
            await using var context = await ContextAsync();
            var page = await SignedInAsync(context, email);
            await page.GotoAsync($"/culture/{language}?returnUrl=%2F");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = section })).ToBeVisibleAsync();
            Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo(language), role);
            await CheckAccessibleAsync(page, visited);
            if (role == "funder")
            {
                await page.GetByRole(AriaRole.Link, new() { Name = language == "fi" ? "Seurannan verkosto" : "Uppföljningens nätverk" }).ClickAsync();
                await CheckAccessibleAsync(page, visited);
            }
        }
    }

    [Test]
    public async Task The_menu_folds_on_a_phone_and_opens_by_keyboard_on_any_screen()
    {
        await using (var phone = await ContextAsync(new ViewportSize { Width = 390, Height = 844 }))
        {
            var page = await SignedInAsync(phone, null);
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Päävalikko" });
            var networks = nav.GetByRole(AriaRole.Link, new() { Name = "Verkostot", Exact = true });
            await Assertions.Expect(networks).ToBeHiddenAsync();
            var toggle = nav.Locator("summary.menu-toggle");
            await Assertions.Expect(toggle).ToBeVisibleAsync();
            await toggle.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var group = nav.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*Verkosto\\b") });
            await Assertions.Expect(group).ToBeVisibleAsync();
            await group.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(networks).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, []);
            await networks.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verkostot");
        }

        await using var wide = await ContextAsync(new ViewportSize { Width = 1280, Height = 800 });
        var desktop = await SignedInAsync(wide, null);
        var menu = desktop.GetByRole(AriaRole.Navigation, new() { Name = "Päävalikko" });
        await Assertions.Expect(menu.Locator("summary.menu-toggle")).ToBeHiddenAsync();
        var results = menu.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*Tulokset\\b") });
        await Assertions.Expect(results).ToBeVisibleAsync();
        await results.FocusAsync();
        await desktop.Keyboard.PressAsync("Space");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Seuranta", Exact = true })).ToBeVisibleAsync();
        await CheckAccessibleAsync(desktop, []);

        // One group open at a time.
        var events = menu.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*Tapahtumat\\b") });
        await events.ClickAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Seuranta", Exact = true })).ToBeHiddenAsync();
    }
}
