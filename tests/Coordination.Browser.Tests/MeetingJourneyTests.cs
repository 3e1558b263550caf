using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>Issue 21: the organiser writes a meeting's agenda, a minutes draft and a decision,
/// approves the minutes (the decision gets its number), records an action item for a person of
/// the directory and marks it done; the record reads in Swedish too. Every page passes axe.</summary>
public sealed class MeetingJourneyTests : BrowserFixture
{
    [Test]
    public async Task From_agenda_to_approved_minutes_to_a_closed_action_item()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var network = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Kokousverkosto {stamp}", sv = $"Mötesnätverk {stamp}" } }));
        var organisation = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Kokousopisto {stamp}", type = "educationProvider", language = "fi" }));
        await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/people", new { name = $"Tiina Toimija {stamp}", email = $"tiina-{stamp}@example.fi", language = "fi", organisationId = organisation }));
        var start = DateTime.UtcNow.AddHours(2);
        var meeting = await IdAsync(await Eventually.WaitForAsync(() => api.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = network, type = "networkMeeting", title = new { fi = "Verkostokokous", sv = "Nätverksmöte" },
            startsAt = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), endsAt = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), audience = "network",
        }), r => r.IsSuccessStatusCode));

        var visited = new List<string>();
        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" }))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
            await page.GotoAsync($"/events/{meeting}/record");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Esityslista ja pöytäkirja: Verkostokokous");
            await CheckAccessibleAsync(page, visited);

            await page.GetByLabel("Esityslistan teksti").FillAsync("1. Avaus\n2. **Toimintasuunnitelma**");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna esityslista" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Esityslista tallennettu.");
            await Assertions.Expect(page.Locator(".prose strong").First).ToHaveTextAsync("Toimintasuunnitelma");

            // A decision without text is refused beside the field.
            await page.GetByRole(AriaRole.Button, new() { Name = "Lisää päätös" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);
            await page.GetByLabel("Päätös", new() { Exact = true }).FillAsync("Toimintasuunnitelma hyväksytään.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lisää päätös" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Numeroidaan hyväksyttäessä")).ToBeVisibleAsync();

            await page.GetByLabel("Pöytäkirjan uusi luonnos").FillAsync("Kokous avattiin. Toimintasuunnitelma käsiteltiin.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna luonnos" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Pöytäkirjan luonnos tallennettu.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Hyväksy pöytäkirja (versio 1)" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Pöytäkirja hyväksytty.");
            var year = HelsinkiTime.ToLocal(start).Year;
            await Assertions.Expect(page.GetByText($"§ 1/{year}")).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);

            await page.GetByRole(AriaRole.Link, new() { Name = "Lisää toimenpide" }).ClickAsync();
            await CheckAccessibleAsync(page, visited);
            await page.GetByLabel("Mitä tehdään").FillAsync("Lähetä suunnitelma rahoittajalle");
            await page.GetByLabel("Vastuuhenkilö").SelectOptionAsync(new SelectOptionValue { Label = $"Tiina Toimija {stamp}" });
            await page.GetByLabel("Määräaika").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Lisää toimenpide" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Lähetä suunnitelma rahoittajalle", Exact = true })).ToBeVisibleAsync();
            await page.Locator("section[aria-labelledby=items-heading] button", new() { HasText = "Merkitse tehdyksi" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Toimenpide merkitty tehdyksi.");
            await CheckAccessibleAsync(page, visited);

            await page.GotoAsync($"/events/decisions?networkId={network}");
            await Assertions.Expect(page.GetByText("Toimintasuunnitelma hyväksytään.")).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);
        }

        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "sv-FI" }))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/culture/sv?returnUrl=%2F");
            await SignInAsync(page, "E-post", "Lösenord", "Logga in");
            await page.GotoAsync($"/events/{meeting}/record");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Föredragningslista och protokoll: Nätverksmöte");
            await Assertions.Expect(page.Locator(".prose", new() { HasText = "Kokous avattiin. Toimintasuunnitelma käsiteltiin." })).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);
        }

        TestContext.Out.WriteLine(string.Join("\n", visited));
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
