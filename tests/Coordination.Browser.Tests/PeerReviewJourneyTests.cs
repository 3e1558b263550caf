using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.PeerReview.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A coordinator opens a peer round, adds the model waiting for review and a reviewer,
/// assigns in one click; the reviewer reviews in the browser (errors first); the coordinator
/// releases the feedback and the project's manager reads it. Every page passes axe.</summary>
public sealed class PeerReviewJourneyTests : BrowserFixture
{
    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<(Guid Project, string Email)> ProjectWithManagerAsync(HttpClient api, Guid network, string acronym, string manager)
    {
        var lead = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {acronym}", type = "educationProvider", language = "fi" }));
        var project = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = "OPH-9/2026", leadOrganisationId = lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 50000m, ownFinancing = 10000m,
        }));
        var email = await App.CreateUserAsync(Roles.ProjectManager, Roles.Member);
        await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/people", new { name = manager, email, language = "fi", organisationId = lead, roles = new[] { new { role = "projectManager", projectId = project } } }));
        return (project, email);
    }

    private async Task<bool> KnownAsync(Func<PeerReviewDbContext, Task<bool>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PeerReviewDbContext>());
    }

    private async Task<Guid> KnownIdAsync(Func<PeerReviewDbContext, Task<Guid>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PeerReviewDbContext>());
    }

    private static async Task SignInAsAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Sähköposti").FillAsync(email);
        await page.GetByLabel("Salasana", new() { Exact = true }).FillAsync(CoordinationApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään" }).ClickAsync();
    }

    [Test]
    public async Task A_coordinator_runs_a_round_a_reviewer_reviews_and_the_project_reads_its_feedback()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = (await (await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Arviointiverkosto" } })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var (projectA, emailA) = await ProjectWithManagerAsync(api, network, "ALFA", "Aino Alanko");
        var (_, emailB) = await ProjectWithManagerAsync(api, network, "BEETA", "Bertta Berg");
        Assert.That(await Eventually.WaitForAsync(() => KnownAsync(db => db.People.CountAsync().ContinueWith(t => t.Result >= 2)), k => k), Is.True);
        var managerA = await App.ApiClientForAsync(emailA, CoordinationApp.Password);
        var created = await Eventually.WaitForAsync(() => managerA.PostAsJsonAsync("/api/v1/dissemination/models", new
        {
            networkId = network, projectId = projectA, title = new { fi = "Vertaismentorointi", sv = "Kamratmentorskap" }, summary = new { fi = "Opiskelijat tukevat toisiaan.", sv = "Studerande stöder varandra." },
            challenge = new { fi = "Yksinäisyys", sv = "Ensamhet" }, method = new { fi = "Mentoriparit", sv = "Mentorpar" }, result = new { fi = "Viihtyvyys kasvoi", sv = "Trivseln ökade" }, targetGroup = new { fi = "Opiskelijat" },
            themes = new[] { "Osallisuus" }, contactName = "Aino Alanko", contactEmail = emailA,
        }), r => r.StatusCode == HttpStatusCode.Created);
        var model = await IdAsync(created);
        await managerA.PostAsync($"/api/v1/dissemination/models/{model}/publish", null);
        await managerA.PostAsync($"/api/v1/dissemination/models/{model}/submit-for-review", null);
        Assert.That(await Eventually.WaitForAsync(() => KnownAsync(db => db.Requests.AnyAsync(r => r.ModelId == model)), k => k), Is.True);

        var visited = new List<string>();
        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" }))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
            await Menu.GoAsync(page, "Vertaisarviointi", "Tulokset");
            await CheckAccessibleAsync(page, visited);
            await page.GetByRole(AriaRole.Link, new() { Name = "Uusi arviointikierros" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Anna kierrokselle nimi");
            await CheckAccessibleAsync(page, visited);
            await page.GetByLabel("Kierroksen nimi").FillAsync("Syksyn vertaisarviointi");
            await page.GetByLabel("Arvioijia mallia kohden (k)").FillAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kierros luotu");
            await CheckAccessibleAsync(page, visited);

            await page.GetByRole(AriaRole.Button, new() { Name = "Lisää kierrokselle: Vertaismentorointi" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Malli lisätty kierrokselle");
            await page.GetByLabel("Henkilö hakemistosta").SelectOptionAsync(new SelectOptionValue { Label = $"Bertta Berg ({emailB})" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Lisää arvioija" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Arvioija lisätty");
            await page.GetByRole(AriaRole.Button, new() { Name = "Jaa arvioijat automaattisesti" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 uusi arviointi");
            await CheckAccessibleAsync(page, visited);
        }

        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" }))
        {
            var page = await context.NewPageAsync();
            await SignInAsAsync(page, emailB);
            await page.GotoAsync("/peer-review");
            await CheckAccessibleAsync(page, visited);
            await page.GetByRole(AriaRole.Link, new() { Name = "Vertaismentorointi" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Arviointi: Vertaismentorointi");
            await CheckAccessibleAsync(page, visited);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä arviointi" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Anna pisteet kriteerille ”Vaikuttavuus”");
            await CheckAccessibleAsync(page, visited);
            await page.GetByRole(AriaRole.Group, new() { Name = "Vaikuttavuus" }).GetByLabel("4 – Selviä vaikutuksia").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Siirrettävyys", Exact = true }).GetByLabel("5 – Valmis käyttöön muualla").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Kuvauksen selkeys" }).GetByLabel("3 – Riittävä").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Resurssien kohtuullisuus" }).GetByLabel("4 – Vähäiset resurssit").CheckAsync();
            await page.GetByLabel("Vahvuudet").FillAsync("Helppo aloittaa.");
            await page.GetByLabel("Kehittämisehdotukset").FillAsync("Kuvaa mentorien koulutus.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä arviointi" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Arviointisi on lähetetty");
            await CheckAccessibleAsync(page, visited);
        }

        var submission = await Eventually.WaitForAsync(
            async () =>
            {
                await using var scope = App.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<PeerReviewDbContext>().Submissions.Where(s => s.ModelId == model).Select(s => s.Id).SingleAsync();
            },
            _ => true);
        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" }))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
            await page.GotoAsync($"/peer-review/submissions/{submission}");
            await Assertions.Expect(page.GetByText("Helppo aloittaa.")).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Koottu palaute" }).FillAsync("Hyvä malli; **kuvatkaa** mentorien koulutus.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Palaute tallennettu");
            await page.GetByText("Anna palaute hankkeelle").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Kyllä, anna palaute" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Palaute annettu hankkeelle");
            await CheckAccessibleAsync(page, visited);
        }

        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "sv-FI" }))
        {
            var page = await context.NewPageAsync();
            await SignInAsAsync(page, emailA);
            await page.GotoAsync("/culture/sv?returnUrl=%2Fpeer-review");
            await page.GetByRole(AriaRole.Link, new() { Name = "Kamratmentorskap" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kamratmentorskap");
            await page.Locator("details:has(.snapshot) > summary").ClickAsync();
            await Assertions.Expect(page.Locator(".snapshot [lang=sv]").First).ToHaveTextAsync("Studerande stöder varandra.");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sammanställd respons" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".markdown strong")).ToHaveTextAsync("kuvatkaa");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Granskare 1" })).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);
        }

        // The coordinator's pages in Swedish: overview, round, round form, submission.
        var round = await KnownIdAsync(db => db.Submissions.Where(s => s.Id == submission).Select(s => s.RoundId).SingleAsync());
        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "sv-FI" }))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
            foreach (var path in new[] { "/peer-review", $"/peer-review/rounds/{round}", "/peer-review/rounds/new", $"/peer-review/rounds/{round}/edit", $"/peer-review/submissions/{submission}" })
            {
                await page.GotoAsync($"/culture/sv?returnUrl={Uri.EscapeDataString(path)}");
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
                await CheckAccessibleAsync(page, visited);
            }
        }

        Assert.That(visited, Has.Count.GreaterThanOrEqualTo(15));
    }
}
