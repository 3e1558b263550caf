using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>The grouped main menu: a link inside a group is reached by opening the group's
/// summary first, as a person does (keyboard or pointer).</summary>
internal static class Menu
{
    public static async Task GoAsync(IPage page, string link, string? group = null, string navigation = "Päävalikko")
    {
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = navigation });
        if (group is not null)
        {
            await nav.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{group}\\b") }).ClickAsync();
        }

        await nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }
}
