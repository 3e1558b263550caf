using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A project manager publishes a model in Finnish and Swedish; the public finds it by a
/// part of a compound word, in Swedish, and on its theme page; the interim report lists it.
/// Every page passes axe.</summary>
public sealed class DisseminationJourneyTests : BrowserFixture
{
    [Test]
    public async Task A_project_manager_publishes_a_model_and_the_public_finds_it()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Levittämisen verkosto", sv = "Spridningsnätverket" } }));
        var lead = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Esimerkkiopisto", type = "educationProvider", language = "fi" }));
        var project = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = "Ohjauksen hanke", acronym = "OHJ", fundingDecisionNumber = "OPH-3/2026", leadOrganisationId = lead,
            partnerOrganisationIds = Array.Empty<Guid>(), startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 1000m, ownFinancing = 300m,
        }));
        var email = await App.CreateUserAsync(Roles.ProjectManager, Roles.Member);
        await api.PostAsJsonAsync("/api/v1/membership/people", new { name = "Paula Päällikkö", email, language = "fi", roles = new[] { new { role = "projectManager", projectId = project } } });
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            return await db.Projects.AnyAsync(p => p.ProjectId == project) && await db.People.AnyAsync(p => p.Email == email);
        }, known => known);

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Sähköposti").FillAsync(email);
        await page.GetByLabel("Salasana", new() { Exact = true }).FillAsync(CoordinationApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään" }).ClickAsync();
        await Menu.GoAsync(page, "Menetelmäpankki", "Tulokset");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Uusi toimintamalli" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);

        await page.GetByLabel("Verkosto", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Levittämisen verkosto" });
        await page.GetByLabel("Hanke", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "OHJ – Ohjauksen hanke" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        async Task FillAsync(string group, string fi, string sv)
        {
            var fields = page.GetByRole(AriaRole.Group, new() { Name = group, Exact = true });
            await fields.GetByLabel("Suomeksi").FillAsync(fi);
            await fields.GetByLabel("Ruotsiksi").FillAsync(sv);
        }

        await FillAsync("Mallin nimi", "Opinto-ohjausmalli", "Studiehandledningsmodell");
        await FillAsync("Tiivistelmä", "Ryhmäohjaus tukee opintojen etenemistä.", "Grupphandledning stöder studierna.");
        await FillAsync("Haaste", "Opiskelijat jäävät ilman ohjausta.", "Studerande blir utan handledning.");
        await FillAsync("Menetelmä", "Ohjaajat tapaavat **ryhmiä** viikoittain.", "Handledarna träffar **grupper** varje vecka.");
        await FillAsync("Tulos", "Keskeyttäminen väheni.", "Avbrotten minskade.");
        await page.GetByLabel("Teemat").FillAsync("Ohjaus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("luonnoksena");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Julkaise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Malli julkaistiin.");
        await CheckAccessibleAsync(page, visited);

        // The public, in Swedish: search by a part of the compound word.
        await using var publicContext = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "sv-FI" });
        var guest = await publicContext.NewPageAsync();
        await guest.GotoAsync("/culture/sv?returnUrl=%2Fmethod-bank");
        await guest.GetByLabel("Sök", new() { Exact = true }).FillAsync("handledning");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Link, new() { Name = "Studiehandledningsmodell" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(guest, visited);
        await guest.GetByRole(AriaRole.Link, new() { Name = "Studiehandledningsmodell" }).ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "Metod" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(guest, visited);
        await guest.GetByRole(AriaRole.Link, new() { Name = "Ohjaus" }).ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tema: Ohjaus");
        await CheckAccessibleAsync(guest, visited);
        await guest.GotoAsync($"/method-bank/report?networkId={network}");
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "Innehåll" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(guest, visited);

        // Subscribing to the newsletter: errors beside the field, then the confirmation is mailed.
        await guest.GotoAsync("/newsletter/subscribe");
        await CheckAccessibleAsync(guest, visited);
        await guest.GetByLabel("E-postadress").FillAsync("inte-en-adress");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Prenumerera" }).ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange en giltig e-postadress.");
        await CheckAccessibleAsync(guest, visited);
        await guest.GetByLabel("E-postadress").FillAsync("lasare@example.fi");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Prenumerera" }).ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Status)).ToContainTextAsync("Vi skickade en bekräftelselänk");
        Assert.That((await App.MailAsync()).Single(m => m.To.ToString().Contains("lasare@example.fi", StringComparison.Ordinal)).Subject, Is.EqualTo("Bekräfta prenumerationen på nyhetsbrevet"));
    }

    [Test]
    public async Task A_coordinator_composes_a_newsletter_and_previews_it()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
        await Menu.GoAsync(page, "Uutiskirje", "Tulokset");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Uusi numero" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        var subject = page.GetByRole(AriaRole.Group, new() { Name = "Aihe" });
        await subject.GetByLabel("Suomeksi").FillAsync("Joulukuun uutiskirje");
        await subject.GetByLabel("Ruotsiksi").FillAsync("Decembers nyhetsbrev");
        await page.GetByRole(AriaRole.Group, new() { Name = "Pääkirjoitus" }).GetByLabel("Suomeksi").FillAsync("Hyvää **joulua**!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.Locator("iframe[title='Esikatselu: Ruotsiksi']")).ToBeVisibleAsync();
        await Assertions.Expect(page.FrameLocator("iframe[title='Esikatselu: Ruotsiksi']").GetByRole(AriaRole.Heading, new() { Name = "Decembers nyhetsbrev" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä testi itselle" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Testiviestit lähetettiin");
        await page.GotoAsync("/newsletter/manage/template");
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync("/newsletter");
        await CheckAccessibleAsync(page, visited);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["id"] ?? body["projectId"])!.GetValue<Guid>();
    }
}
