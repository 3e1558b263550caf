using System.Net.Http.Json;
using Coordination.Shared.Security;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>The coordinators' audit trail in Finnish and Swedish: filtering, a bad date, paging
/// links and downloads, each page checked with axe.</summary>
public sealed class AuditTrailPageTests : BrowserFixture
{
    [Test]
    public async Task The_audit_trail_filters_and_shows_errors_in_Finnish_and_Swedish_and_passes_axe()
    {
        var api = await App.ApiClientForAsync(CoordinationApp.AdminEmail, CoordinationApp.AdminPassword);
        for (var i = 0; i < 3; i++)
        {
            await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Lokisivun verkosto {i}" } });
        }

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString() });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");

        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Muutosloki");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Coordinator" }).First).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        await page.GetByLabel("Osio").SelectOptionAsync(new SelectOptionValue { Label = "Verkosto ja jäsenet" });
        await page.GetByLabel("Muutoksen laji").SelectOptionAsync("CreateNetwork");
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 merkintää");
        Assert.That(page.Url, Does.Contain("module=Membership").And.Contain("kind=CreateNetwork"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lataa CSV" })).ToHaveAttributeAsync("href", "/admin/audit.csv?module=Membership&kind=CreateNetwork");
        await CheckAccessibleAsync(page, visited);

        await page.GotoAsync("/admin/audit?from=kolmas%20p%C3%A4iv%C3%A4");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Anna päivämäärä muodossa vvvv-kk-pp");
        await CheckAccessibleAsync(page, visited);

        await page.GotoAsync("/culture/sv?returnUrl=%2Fadmin%2Faudit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ändringslogg");
        await page.GetByLabel("Typ av ändring").SelectOptionAsync("CreateNetwork");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 poster");
        await CheckAccessibleAsync(page, visited);

        await page.GotoAsync("/admin/audit?to=2026-01-01&from=2026-02-01");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Slutdatumet är före startdatumet.");
        await CheckAccessibleAsync(page, visited);
        Assert.That(visited, Has.Count.EqualTo(5));
    }
}
