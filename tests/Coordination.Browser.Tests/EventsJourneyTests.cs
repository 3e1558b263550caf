using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A guest registers for a public event in Swedish and cancels with the e-mailed link;
/// a coordinator creates an event, marks attendance and reads the statistics in Finnish. Every
/// page passes axe.</summary>
public sealed partial class EventsJourneyTests : BrowserFixture
{
    [Test]
    public async Task A_guest_registers_in_Swedish_and_cancels_with_the_link()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await NetworkAsync(api);
        var start = DateTimeOffset.UtcNow.AddDays(20);
        var created = await api.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = network, type = "disseminationSeminar", title = new { fi = "Levittämisseminaari", sv = "Spridningsseminarium" },
            description = new { sv = "Vi **delar** resultat." }, startsAt = start.ToString("o"), endsAt = start.AddHours(3).ToString("o"),
            audience = "public", capacity = 50, place = "Vasa", onlineLink = "https://meet.example.fi/sv",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "sv-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await page.GotoAsync("/culture/sv?returnUrl=%2Fevents");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evenemang");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Spridningsseminarium" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Länken skickas till de anmälda.")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        await page.GetByRole(AriaRole.Button, new() { Name = "Anmäl dig" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByLabel("Namn").FillAsync("Greta Gäst");
        await page.GetByLabel("E-post").FillAsync("greta.gast@example.fi");
        await page.GetByLabel("Särskilda behov").FillAsync("Laktosfri kost");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmäl dig" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du är anmäld");
        await CheckAccessibleAsync(page, visited);

        var mail = (await App.MailAsync()).Single(m => m.To.ToString().Contains("greta.gast@example.fi", StringComparison.Ordinal));
        Assert.That(mail.Subject, Does.StartWith("Anmälan bekräftad"), "the mail is in the language she registered in");
        var link = CancelLink().Match(mail.TextBody!).Value;
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Avboka" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Anmälan har avbokats.");
        await CheckAccessibleAsync(page, visited);

        var list = await api.GetFromJsonAsync<JsonObject>($"/api/v1/events/{id}/registrations");
        Assert.That(list!["items"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task A_coordinator_creates_an_event_marks_attendance_and_reads_the_statistics()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await NetworkAsync(api, "Tapahtumien verkosto");
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
        await Menu.GoAsync(page, "Tapahtumat", "Tapahtumat");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Uusi tapahtuma" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);

        var start = DateTime.UtcNow.AddDays(3);
        await page.GetByLabel("Verkosto").SelectOptionAsync(new SelectOptionValue { Label = "Tapahtumien verkosto" });
        await page.GetByLabel("Tapahtuman tyyppi").SelectOptionAsync("developmentDay");
        await page.GetByRole(AriaRole.Group, new() { Name = "Otsikko" }).GetByLabel("Suomeksi").FillAsync("Kevään kehittämispäivä");
        await page.GetByLabel("Alkaa", new() { Exact = true }).FillAsync($"{start:yyyy-MM-dd}T09:00");
        await page.GetByLabel("Päättyy", new() { Exact = true }).FillAsync($"{start:yyyy-MM-dd}T15:00");
        await page.GetByLabel("Kenelle").SelectOptionAsync("public");
        await page.GetByLabel("Paikkoja").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tapahtuma luotiin.");
        await CheckAccessibleAsync(page, visited);

        await page.GetByLabel("Nimi", new() { Exact = true }).FillAsync("Kaisa Koordinaattori");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Olet ilmoittautunut");
        await page.GoBackAsync();
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Toivo teemaa tai äänestä teematoiveita" }).ClickAsync();
        await page.GetByLabel("Ehdota teemaa").FillAsync("Työelämäyhteistyö");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ehdota" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Äänestä" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 ääni")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GoBackAsync();
        await page.GoBackAsync();
        await page.GoBackAsync();
        await page.ReloadAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ilmoittautuneet ja osallistuminen" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByLabel("Kaisa Koordinaattori osallistui").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna osallistujat" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tapahtuman voi merkitä pidetyksi, kun se on alkanut")).ToBeVisibleAsync();
        Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Merkitse pidetyksi" }).CountAsync(), Is.Zero, "not before the event begins");

        // The day comes: the event has begun (its time set through the API, as the clock cannot be moved here).
        var eventId = Guid.Parse(EventIdInUrl().Match(page.Url).Groups[1].Value);
        var began = DateTime.UtcNow.AddHours(-1);
        (await api.PutAsJsonAsync($"/api/v1/events/{eventId}", new
        {
            networkId = network, type = "developmentDay", title = new { fi = "Kevään kehittämispäivä" }, audience = "public", capacity = 40,
            startsAt = began.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), endsAt = began.AddHours(6).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        })).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Merkitse pidetyksi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-error")).ToContainTextAsync("Vahvista, että osallistujat on merkitty");
        await CheckAccessibleAsync(page, visited);
        await page.GetByLabel("Olen merkinnyt osallistujat (1 osallistuja)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Merkitse pidetyksi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tapahtuma merkittiin pidetyksi.");
        await CheckAccessibleAsync(page, visited);

        await page.GotoAsync($"/events/statistics?from={began.Year}-01-01&to={began.Year}-12-31");
        await Assertions.Expect(page.Locator("[data-stat=participants]")).ToHaveTextAsync("1");
        await CheckAccessibleAsync(page, visited);
        Assert.That(visited, Has.Count.GreaterThanOrEqualTo(6));
    }

    private async Task<Guid> NetworkAsync(HttpClient api, string? name = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = name ?? $"Verkosto {Guid.NewGuid():N}" } });
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        // Events learns of the network from Membership's NetworkCreated.
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Coordination.Events.Data.EventsDbContext>().Networks.AnyAsync(n => n.NetworkId == id);
        }, known => known);
        return id;
    }

    [GeneratedRegex("/events/([0-9a-f-]{36})/")]
    private static partial Regex EventIdInUrl();

    [GeneratedRegex(@"https?://\S+/events/cancel/[A-Za-z0-9_-]+")]
    private static partial Regex CancelLink();
}
