using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>The coordinator's survey, blog, search and newsletter pages in Swedish, each with axe.</summary>
public sealed class SwedishPagesTests : BrowserFixture
{
    [Test]
    public async Task The_survey_blog_search_and_newsletter_pages_work_in_Swedish_and_pass_axe()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = (await (await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Ruotsin sivujen verkosto", sv = "Nätverket" } })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SurveysDbContext>().Networks.AnyAsync(n => n.NetworkId == network);
        }, known => known);
        var survey = (await (await api.PostAsJsonAsync("/api/v1/surveys/from-template", new { networkId = network, template = "networkFeedback" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var post = (await (await api.PostAsJsonAsync("/api/v1/dissemination/posts", new { kind = "news", title = new { fi = "Uutinen", sv = "Nyhet" }, body = new { fi = "Teksti", sv = "Text" }, authorName = "Koordinaattori" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await api.PostAsync($"/api/v1/dissemination/posts/{post}/publish", null);
        var issue = (await (await api.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "Numero", sv = "Nummer" } })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "sv-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
        await page.GotoAsync("/culture/sv?returnUrl=%2Fsurveys");
        var pages = new Dictionary<string, string>
        {
            ["/surveys"] = "Enkäter",
            ["/surveys/new"] = "Ny enkät",
            [$"/surveys/{survey}"] = "Nätverkets responsenkät",
            [$"/surveys/{survey}/edit"] = "Enkätens inställningar",
            [$"/surveys/{survey}/questions/new?type=matrix"] = "Lägg till fråga",
            [$"/surveys/{survey}/questions/helped"] = "Redigera fråga",
            [$"/surveys/{survey}/preview"] = "Nätverkets responsenkät",
            [$"/surveys/{survey}/results"] = "Resultat: Nätverkets responsenkät",
            [$"/surveys/{survey}/compare"] = "Jämför omgångar",
            ["/blog"] = "Blogg och nyheter",
            [$"/blog/{post}"] = "Nyhet",
            ["/blog/manage"] = "Mina inlägg",
            ["/blog/manage/new"] = "Nytt inlägg",
            ["/search?q=nyhet"] = "Sökning",
            ["/method-bank/themes"] = "Temasammanställningar",
            ["/newsletter/manage"] = "Nyhetsbrev",
            ["/newsletter/manage/new"] = "Nytt nummer",
            [$"/newsletter/manage/{issue}"] = "Nummer",
            ["/newsletter/manage/template"] = "Redigera mallen",
        };
        foreach (var (path, heading) in pages)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await CheckAccessibleAsync(page, visited);
        }
    }
}
