using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A real host on Kestrel, shared by a fixture's tests, and Debian's Chromium driven by
/// Playwright, one for the whole assembly (<see cref="SharedBrowser"/>): each test opens its own
/// context. <see cref="CheckAccessibleAsync"/> runs axe for WCAG 2.1 AA.</summary>
[Category("Browser")]
public abstract class BrowserFixture
{
    protected TestDatabase Database { get; private set; } = null!;

    protected CoordinationApp App { get; private set; } = null!;

    protected Uri Address { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider.Sqlite);
        App = new CoordinationApp(Database);
        Address = App.StartKestrel();
        Browser = await SharedBrowser.GetAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Signs in through the form as the bootstrap coordinator.</summary>
    protected static async Task SignInAsync(IPage page, string emailLabel, string passwordLabel, string button)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel(emailLabel).FillAsync(CoordinationApp.AdminEmail);
        await page.GetByLabel(passwordLabel, new() { Exact = true }).FillAsync(CoordinationApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }

    /// <summary>Presses Tab until the focus is on the element (tag, and its name attribute or text).</summary>
    protected static async Task TabToAsync(IPage page, string tag, string nameOrText)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName.toLowerCase() + '|' + (e.getAttribute('name') ?? '') + '|' + e.textContent.trim(); }");
            var parts = focused.Split('|');
            if (parts[0] == tag && (parts[1] == nameOrText || parts[2] == nameOrText))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {tag} {nameOrText}");
    }

    protected static async Task CheckAccessibleAsync(IPage page, List<string> visited)
    {
        Assert.That(await Axe.ViolationsAsync(page), Is.Empty);
        visited.Add(page.Url);
    }
}
