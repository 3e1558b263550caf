using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A coordinator of a network imports the fixture application from the network page
/// (the lone network chosen already), reads the preview section by section, keeps the plan,
/// edits it, reads it in Finnish and Swedish, is refused a second project from the same
/// application and offered an update instead, and deletes the project; axe checks every page.</summary>
public sealed class ImportPlanJourneyTests : BrowserFixture
{
    [Test]
    public async Task The_application_becomes_a_project_with_its_plan_once_and_the_plan_reads_in_Finnish_and_Swedish()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var created = await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Ainoa verkosto", sv = "Enda nätverket" } });
        var network = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var text = await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Applications", "network-16.txt"));

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");

        // From the network page; the only network is chosen already.
        await page.GotoAsync($"/membership/networks/{network}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tuo hakemus" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Verkosto")).ToHaveValueAsync(network.ToString());
        await Assertions.Expect(page.GetByText("Pankkitietoja (tilinumero, BIC) ja henkilötunnuksia ei tallenneta koskaan")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // The preview, section by section: what is kept and what is not.
        await page.GetByLabel("Hakemuksen teksti").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Esikatsele" }).ClickAsync();
        var applicant = page.GetByRole(AriaRole.Region, new() { Name = "Hakijan tiedot" });
        await Assertions.Expect(applicant.GetByText("Pertti Päättäjä, pertti.paattaja@aurinkolahti.example.fi")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByText("Tilinumero ja BIC-koodi – pankkitietoja ei tallenneta koskaan.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("XXXXFIHH")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Hankesuunnitelma" }).GetByText("Kaikki tämän kohdan tiedot tallennetaan.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pohjanrannan koulutuskuntayhtymä" }).GetByText("arvattu sähköpostiosoitteesta")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Järvilaakson ammattiopisto" }).GetByText("ei ilmoitettu")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Saariston yrkesinstitut" }).GetByRole(AriaRole.Cell, new() { Name = "ruotsi" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yhteistyökumppaneiden työsuunnitelmat (3)" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        await page.GetByRole(AriaRole.Button, new() { Name = "Vahvista tuonti" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Yhdessä osaamista – verkostot ohjauksen tukena");
        await Assertions.Expect(page.GetByText("OPH-9999-2026")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        var projectUrl = page.Url[..page.Url.IndexOf('?', StringComparison.Ordinal)];

        // The plan in Finnish.
        await page.GetByRole(AriaRole.Link, new() { Name = "Hankkeen suunnitelma hakemuksen mukaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Suunnitelma: Yhdessä osaamista – verkostot ohjauksen tukena");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hanke pähkinänkuoressa" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Pohjanranta kokeilee chat-ohjausta kahdessa toimipisteessä.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Kustannusarvio: Pohjanrannan koulutuskuntayhtymä" })).ToContainTextAsync("45 000 €");
        await CheckAccessibleAsync(page, visited);
        var planPath = new Uri(page.Url).AbsolutePath;

        // Editing: an amount that is no number is refused beside its field, then an indicator is added.
        await page.GetByRole(AriaRole.Link, new() { Name = "Muokkaa suunnitelmaa" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        var projectBudget = page.GetByRole(AriaRole.Table, new() { Name = "Hankkeen talousarvio" });
        await projectBudget.GetByLabel("Summa, rivi 1", new() { Exact = true }).FillAsync("paljon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Anna summa numeroina");
        await Assertions.Expect(projectBudget.GetByLabel("Summa, rivi 1", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAccessibleAsync(page, visited);
        await projectBudget.GetByLabel("Summa, rivi 1", new() { Exact = true }).FillAsync("60000");
        var indicators = page.GetByRole(AriaRole.Table, new() { Name = "Indikaattorit: Järvilaakson ammattiopisto" });
        await indicators.GetByLabel("Indikaattori, rivi 1 (Järvilaakson ammattiopisto)").FillAsync("Työpajat");
        await indicators.GetByLabel("Tavoitearvo, rivi 1 (Järvilaakson ammattiopisto)").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Suunnitelma tallennettiin.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Indikaattorit: Järvilaakson ammattiopisto" })).ToContainTextAsync("Työpajat");

        // The plan in Swedish.
        await page.GotoAsync($"/culture/sv?returnUrl={Uri.EscapeDataString(planPath)}");
        Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo("sv"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan: Yhdessä osaamista – verkostot ohjauksen tukena");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projektet i ett nötskal" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uppgifter om sökanden" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // The same application again: refused, with the offer to update the project instead.
        await page.GotoAsync("/membership/import");
        await page.GetByLabel("Ansökans text").FillAsync(text.Replace("Kokeiluja tehdään teemaryhmissä", "Kokeiluja tehdään nyt teemaryhmissä", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsvisa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ansökan har redan importerats" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bekräfta import" })).ToHaveCountAsync(0);
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Uppdatera det befintliga projektet" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Projektet uppdaterades från ansökan")).ToBeVisibleAsync();
        Assert.That(page.Url, Does.StartWith(projectUrl));
        await CheckAccessibleAsync(page, visited);
        var projects = await api.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects?networkId={network}");
        Assert.That(projects!["total"]!.GetValue<int>(), Is.EqualTo(1), "never a second project");

        // A contact whose name was guessed says so on their page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aino Ahola" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Namnet gissades från e-postadressen")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // Every form that picks a network has the lone network chosen (the other modules learn
        // of the network through its event, so wait for them).
        foreach (var path in new[] { "/membership/projects/new", "/events/manage/new", "/surveys/new", "/method-bank/manage/new" })
        {
            var select = page.Locator("select[name=networkId]");
            await Eventually.WaitForAsync(
                async () =>
                {
                    await page.GotoAsync(path);
                    return await select.CountAsync() == 1 ? await select.InputValueAsync() : "";
                },
                value => value == network.ToString());
            await Assertions.Expect(select).ToHaveValueAsync(network.ToString());
            await CheckAccessibleAsync(page, visited);
        }

        // Deleting the project, after a confirmation.
        await page.GotoAsync(projectUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ta bort projektet" }).ClickAsync();
        await Assertions.Expect(page.GetByText("4 mål")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort projektet permanent" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Projektet togs bort.")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        Assert.That((await api.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects?networkId={network}"))!["total"]!.GetValue<int>(), Is.Zero);
        Assert.That(visited, Has.Count.GreaterThanOrEqualTo(16));
    }
}
