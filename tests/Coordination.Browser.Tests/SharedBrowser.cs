using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>One Chromium for every browser fixture of this assembly (starting one takes a
/// second or two); fixtures keep apart by a browser context per test. Closed when the
/// namespace's tests are done. Debian's chromium-headless-shell (the old headless mode, which
/// Playwright itself uses for headless runs): the same Blink, at less than half the CPU of the
/// full browser in its new headless mode (two journeys: 129 against 59 CPU-seconds).</summary>
[SetUpFixture]
public sealed class SharedBrowser
{
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Launched = new(LaunchAsync);

    public static async Task<IBrowser> GetAsync() => (await Launched.Value).Browser;

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (Launched.IsValueCreated)
        {
            var (playwright, browser) = await Launched.Value;
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium-headless-shell",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
