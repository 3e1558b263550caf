using System.Net.Http.Json;
using Coordination.Shared.Security;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A coordinator imports a funding application through the UI in Finnish, checks the
/// preview and confirms; every Membership page then passes axe, in Finnish and on a phone in Swedish.</summary>
public sealed class MembershipJourneyTests : BrowserFixture
{
    [Test]
    public async Task A_coordinator_imports_an_application_and_every_membership_page_passes_axe()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var created = await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Ohjauksen verkosto", sv = "Vägledningens nätverk" } });
        created.EnsureSuccessStatusCode();

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");

        await Menu.GoAsync(page, "Hankkeet", "Verkosto");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tuo hakemus" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tuo hakemus");
        await CheckAccessibleAsync(page, visited);

        // Nothing pasted: the error is beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Esikatsele" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Liitä hakemuksen teksti");
        await CheckAccessibleAsync(page, visited);

        var text = await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Applications", "network-16.txt"));
        await page.GetByLabel("Verkosto").SelectOptionAsync(new SelectOptionValue { Label = "Ohjauksen verkosto" });
        await page.GetByLabel("Hakemuksen teksti").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Esikatsele" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisaatiot (16)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tavoitteet (4)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Näitä kohtia ei voitu lukea")).ToHaveCountAsync(0);
        await CheckAccessibleAsync(page, visited);

        await page.GetByRole(AriaRole.Button, new() { Name = "Vahvista tuonti" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Yhdessä osaamista – verkostot ohjauksen tukena");
        await Assertions.Expect(page.GetByText("16 toteuttajalta puuttuu sitoumuskirje tai allekirjoitus.")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        var projectUrl = page.Url;

        // A commitment letter from the project page.
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Aurinkolahden koulutuskuntayhtymä" }).GetByRole(AriaRole.Link, new() { Name = "Muokkaa kirjettä" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByLabel("Tehtävät").FillAsync("Koordinoi hanketta\nRaportoi rahoittajalle");
        await page.GetByLabel("Allekirjoittaja").FillAsync("Rehtori Rauhala");
        await page.GetByLabel("Allekirjoituspäivä").FillAsync("2027-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByText("15 toteuttajalta puuttuu sitoumuskirje tai allekirjoitus.")).ToBeVisibleAsync();

        // Every other Membership page, reached through links where a user would.
        await page.GetByRole(AriaRole.Link, new() { Name = "Maija Mallikas" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Muokkaa" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync(projectUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Muokkaa", Exact = true }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync(projectUrl);
        await page.Locator(".goal-list a").First.ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Muokkaa", Exact = true }).ClickAsync();
        await CheckAccessibleAsync(page, visited);

        foreach (var path in new[] { "/membership/networks", "/membership/organisations", "/membership/organisations/new", "/membership/people", "/membership/people/new", "/membership/projects/new" })
        {
            await page.GotoAsync(path);
            await CheckAccessibleAsync(page, visited);
        }

        await page.GotoAsync("/membership/organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Saariston yrkesinstitut" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);

        await page.GotoAsync("/membership/networks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ohjauksen verkosto" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Uusi teema" }).GetByLabel("Suomeksi").FillAsync("Ohjaus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää teema" }).ClickAsync();
        await page.GetByText("Kirjoita säännöt").ClickAsync();
        await page.GetByLabel("Sääntöjen teksti").FillAsync("1. Jaamme tulokset avoimesti.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Julkaise säännöt" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Voimassa olevat säännöt hyväksyneet organisaatiot: 0/16")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Uusi työryhmä" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByLabel("Työryhmän nimi").FillAsync("Ohjauksen solu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await page.GetByLabel("Lisää jäsen sähköpostiosoitteella").FillAsync("maija.mallikas@aurinkolahti.example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää jäsen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Maija Mallikas" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        Assert.That(visited, Has.Count.GreaterThanOrEqualTo(18));
    }

    [Test]
    public async Task Membership_pages_pass_axe_in_Swedish_on_a_phone()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await (await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Mobiiliverkosto", sv = "Mobilnätverket" } })).Content.ReadFromJsonAsync<IdResponse>();
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await page.GotoAsync("/culture/sv?returnUrl=%2F");
        await SignInAsync(page, "E-post", "Lösenord", "Logga in");
        foreach (var path in new[] { "/membership/projects", "/membership/people", "/membership/organisations", $"/membership/networks/{network!.Id}", "/membership/import" })
        {
            await page.GotoAsync(path);
            Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo("sv"));
            await CheckAccessibleAsync(page, visited);
        }
    }

    private sealed record IdResponse(Guid Id);
}
