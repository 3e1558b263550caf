namespace Coordination.Browser.Tests;

/// <summary>The check every browser test relies on finds what it is there to find.</summary>
[Category("Browser")]
public sealed class AxeTests
{
    [Test]
    public async Task Axe_reports_a_missing_text_alternative_an_unlabelled_field_and_faint_text()
    {
        var browser = await SharedBrowser.GetAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="fi"><head><title>Tarkistus</title></head><body><main>
            <h1>Tarkistus</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <input type="text" name="nimi">
            <p style="color:#bbb;background:#fff">Haalea teksti</p>
            </main></body></html>
            """);

        var violations = await Axe.ViolationsAsync(page);

        Assert.That(violations, Has.Some.Contains(": image-alt (").And.Some.Contains(": label (").And.Some.Contains(": color-contrast ("));
        await page.SetContentAsync("""<!DOCTYPE html><html lang="fi"><head><title>Tarkistus</title></head><body><main><h1>Tarkistus</h1><p>Teksti</p></main></body></html>""");
        Assert.That(await Axe.ViolationsAsync(page), Is.Empty);
    }
}
