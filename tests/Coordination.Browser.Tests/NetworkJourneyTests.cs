using Coordination.Shared.Security;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A coordinator's first visit in a real browser (Debian's Chromium): sign in, create a
/// network in Finnish, switch to Swedish; axe finds no WCAG 2.1 AA violation on any page.</summary>
public sealed class NetworkJourneyTests : BrowserFixture
{
    [Test]
    public async Task A_coordinator_signs_in_creates_a_network_in_Finnish_and_reads_it_in_Swedish()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // A form with errors is answered 400 on purpose; Chromium logs that as an error.
            if (message.Type == "error" && !message.Text.Contains("status of 400", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        var visited = new List<string>();

        await page.GotoAsync("/");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjaudu sisään" }).First.ClickAsync();
        await CheckAccessibleAsync(page, visited);

        await page.GetByLabel("Sähköposti").FillAsync(CoordinationApp.AdminEmail);
        await page.GetByLabel("Salasana", new() { Exact = true }).FillAsync("väärä salasana");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sähköposti tai salasana on väärin.");
        await CheckAccessibleAsync(page, visited);

        await page.GetByLabel("Salasana", new() { Exact = true }).FillAsync(CoordinationApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu sisään" }).ClickAsync();
        await Menu.GoAsync(page, "Verkostot", "Verkosto");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verkostot");
        await CheckAccessibleAsync(page, visited);

        await page.GetByRole(AriaRole.Link, new() { Name = "Uusi verkosto" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Verkoston nimi (suomeksi) on pakollinen.");
        await CheckAccessibleAsync(page, visited);

        var name = page.GetByRole(AriaRole.Group, new() { Name = "Verkoston nimi" });
        await name.GetByLabel("Suomeksi").FillAsync("Ohjauksen kehittäjäverkosto");
        await name.GetByLabel("Ruotsiksi").FillAsync("Nätverket för utveckling av vägledning");
        await page.GetByRole(AriaRole.Group, new() { Name = "Kuvaus" }).GetByLabel("Suomeksi").FillAsync("Verkosto kokoaa **opinto-ohjauksen** malleja.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ohjauksen kehittäjäverkosto");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Verkosto luotiin.");
        await CheckAccessibleAsync(page, visited);

        await page.GetByRole(AriaRole.Link, new() { Name = "På svenska" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nätverket för utveckling av vägledning");
        Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo("sv"));
        await CheckAccessibleAsync(page, visited);

        await page.GetByRole(AriaRole.Link, new() { Name = "Redigera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Redigera nätverket");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Nätverkets namn" }).GetByLabel("På svenska")).ToHaveValueAsync("Nätverket för utveckling av vägledning");
        await CheckAccessibleAsync(page, visited);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nätverk", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nätverk");
        await CheckAccessibleAsync(page, visited);

        // Typing filters the list in place (htmx), without pressing the search button.
        await page.GetByLabel("Sök nätverk efter namn").PressSequentiallyAsync("inget sådant");
        await Assertions.Expect(page.GetByText("Sökningen gav inga nätverk.")).ToBeVisibleAsync();
        await page.GetByLabel("Sök nätverk efter namn").FillAsync("vägledning");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nätverket för utveckling av vägledning" })).ToBeVisibleAsync();
        Assert.That(page.Url, Does.Contain("q=v%C3%A4gledning").Or.Contain("q=vägledning"));

        // The menu is grouped: open "Resultat" first, as a user does.
        await page.Locator("nav.main-nav summary", new() { HasText = "Resultat" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Uppföljning" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        // The network's indicators, from the list of networks (link text: "Nyckeltal: <name>").
        await page.GetByRole(AriaRole.Link, new() { Name = "Nätverket för utveckling av vägledning" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Nätverket för utveckling av vägledning", new() { Timeout = 15_000 });
        await CheckAccessibleAsync(page, visited);

        Assert.That(visited, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(errors, Is.Empty, "the browser console shows no errors (CSP, scripts)");
    }

    [Test]
    public async Task Public_pages_and_a_coordinator_page_pass_axe_on_a_phone()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        foreach (var path in new[]
        {
            "/", "/accessibility", "/privacy", "/account/forgot-password", "/no-such-page",
            "/culture/sv?returnUrl=%2Faccessibility", "/privacy", "/account/sign-in", "/account/access-denied",
            "/account/reset-password?email=a%40example.fi&token=x", "/no-such-page",
        })
        {
            await page.GotoAsync(path);
            await CheckAccessibleAsync(page, visited);
        }

        await SignInAsync(page, "E-post", "Lösenord", "Logga in");
        foreach (var path in new[] { "/admin/deliveries", "/admin/accounts", "/admin/accounts?q=koordinaattori", "/membership/networks", "/membership/networks/new", "/monitoring" })
        {
            await page.GotoAsync(path);
            Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo("sv"));
            await CheckAccessibleAsync(page, visited);
        }

        // The skip link is the first stop of the keyboard and moves focus to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("document.activeElement.className"), Is.EqualTo("skip-link"));
    }
}
