using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the page as it stands.</summary>
internal static class Axe
{
    /// <summary>One line per violation: the page, the rule, its impact and the elements.</summary>
    public static async Task<List<string>> ViolationsAsync(IPage page)
    {
        // Axe's legacy mode: axe.run in the page itself. The default mode opens a new page (a
        // context and a renderer) for every check to merge the frames' results out of their reach,
        // which is not needed with frames left out below: a check took 1.2 s instead of 0.5 s.
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future": then back to RunAxe.
        var results = await page.RunAxeLegacy(options: new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            // Our frames show sent newsletters in a script-less sandbox, where axe cannot run
            // (it would wait for them); the page around them is checked.
            Iframes = false,
            // Only violations are asserted: axe details no passing or inapplicable node.
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
        return [.. results.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} → {string.Join(" | ", v.Nodes.Select(n => string.Join(",", n.Target)))}")];
    }
}
