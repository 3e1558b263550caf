using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Invitations;
using Coordination.Surveys.Mailing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>A respondent answers a survey in Swedish with the keyboard only; a coordinator builds
/// one from a template, invites, and reads the results in Finnish. Every page passes axe.</summary>
public sealed partial class SurveysJourneyTests : BrowserFixture
{
    [Test]
    public async Task A_respondent_answers_in_Swedish_with_the_keyboard_only()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await NetworkAsync(api);
        var low = new { fi = "Täysin eri mieltä", sv = "Helt av annan åsikt" };
        var high = new { fi = "Täysin samaa mieltä", sv = "Helt av samma åsikt" };
        var created = await api.PostAsJsonAsync("/api/v1/surveys", new
        {
            networkId = network,
            title = new { fi = "Verkostokysely", sv = "Nätverksenkät" },
            intro = new { fi = "Kiitos!", sv = "Tack för att du **svarar**." },
            anonymous = true,
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"),
            closesAt = DateTimeOffset.UtcNow.AddDays(7).ToString("o"),
            questions = new object[]
            {
                new { key = "samarbete", type = "likert", text = new { fi = "Yhteistyö on parantunut", sv = "Samarbetet har förbättrats" }, section = new { fi = "Vaikutukset", sv = "Effekter" }, matrix = "effekt", lowLabel = low, highLabel = high, cantSay = true, required = true },
                new { key = "jamlikhet", type = "likert", text = new { fi = "Tasa-arvo on edistynyt", sv = "Jämställdheten har främjats" }, matrix = "effekt", lowLabel = low, highLabel = high, cantSay = true },
                new { key = "roll", type = "single", text = new { fi = "Roolisi", sv = "Din roll" }, options = new object[] { new { fi = "Opettaja", sv = "Lärare" }, new { fi = "Johto", sv = "Ledning" } }, required = true },
                new { key = "halsning", type = "text", text = new { fi = "Terveiset", sv = "Hälsningar" } },
            },
        });
        var survey = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.That((await api.PostAsync($"/api/v1/surveys/{survey}/open", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await api.PostAsJsonAsync($"/api/v1/surveys/{survey}/invitations", new { recipients = new[] { new { email = "svenska.svarare@example.fi", name = "Stina Svarare", language = "sv" } } });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<SendSurveyMailJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        var mail = (await App.MailAsync()).Single(m => m.To.ToString().Contains("svenska.svarare", StringComparison.Ordinal));
        Assert.That(mail.Subject, Is.EqualTo("Enkät: Nätverksenkät"));
        var link = new Uri(SurveyLink().Match(mail.TextBody!).Value);

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "sv-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nätverksenkät");
        await Assertions.Expect(page.GetByText("Skala: 1 = Helt av annan åsikt … 5 = Helt av samma åsikt")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // Sending without the required answers: the errors are listed and beside the questions.
        await TabToAsync(page, "button", "Skicka svaren");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Svara på den här frågan.");
        await CheckAccessibleAsync(page, visited);

        await TabToAsync(page, "input", "q.samarbete");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowLeft");
        await TabToAsync(page, "input", "q.roll");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Bra nätverk!");
        await TabToAsync(page, "button", "Skicka svaren");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tack för ditt svar!" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har redan svarat" })).ToBeVisibleAsync();

        var results = await api.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}/results");
        var questions = results!["questions"]!.AsArray().ToDictionary(q => q!["key"]!.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(results["responses"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(questions["samarbete"]!["mean"]!.GetValue<double>(), Is.EqualTo(4), "Space on 1, then three steps right");
            Assert.That(questions["jamlikhet"]!["cantSay"]!.GetValue<int>(), Is.EqualTo(1), "Space on 1, then left wraps to the last: can't say");
            Assert.That(questions["roll"]!["distribution"]!["2"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(questions["halsning"]!["answers"]![0]!.GetValue<string>(), Is.EqualTo("Bra nätverk!"));
        });
    }

    [Test]
    public async Task A_coordinator_builds_a_survey_from_a_template_invites_and_reads_the_results()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        await NetworkAsync(api, "Kyselyjen verkosto");
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
        await Menu.GoAsync(page, "Kyselyt", "Kyselyt");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Uusi kysely" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByLabel("Verkosto", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kyselyjen verkosto" });
        await page.GetByLabel("Verkoston palautekysely").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Luo kysely" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kysely luotiin");
        await CheckAccessibleAsync(page, visited);
        var surveyPage = page.Url.Split('?')[0];

        await page.GetByRole(AriaRole.Link, new() { Name = "Lisää kysymys" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Yksi vaihtoehto" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByLabel("Tunniste").FillAsync("rooli");
        await page.GetByRole(AriaRole.Group, new() { Name = "Kysymys" }).GetByLabel("Suomeksi").FillAsync("Mikä on roolisi?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Anna 2–50 vaihtoehtoa");
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Group, new() { Name = "Vaihtoehdot" }).GetByLabel("Suomeksi").FillAsync("Opettaja\nJohto\nMuu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Muutokset tallennettiin");
        await Assertions.Expect(page.GetByText("Mikä on roolisi?")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Esikatselu" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Esikatselu: vastauksia ei tallenneta.")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync(surveyPage);

        await page.GetByLabel("Muut vastaanottajat").FillAsync("eka.vastaaja@example.fi; Eka Vastaaja\ntoka.vastaaja@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kutsu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 uutta kutsua tallennettiin; viestit lähtevät vasta, kun avaat kyselyn.");
        await CheckAccessibleAsync(page, visited);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<SendSurveyMailJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            var sent = await scope.ServiceProvider.GetRequiredService<SurveysDbContext>().Invitations.CountAsync(i => i.Email == "eka.vastaaja@example.fi" && i.SentAt != null);
            Assert.That(sent, Is.Zero, "a draft sends no invitations");
        }

        // A new survey is a draft: the coordinator opens it, told how many invitations leave.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kysely on luonnos" })).ToBeVisibleAsync();
        await page.GetByText("Avaa kysely…").ClickAsync();
        await Assertions.Expect(page.GetByText("Kun kysely avataan, siihen voi vastata ja 2 kutsua lähtee.")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Avaa nyt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kysely avattiin.");
        await Assertions.Expect(page.Locator("dl.facts .flag").First).ToHaveTextAsync("Avoinna");
        await CheckAccessibleAsync(page, visited);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<SendSurveyMailJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        var respondent = App.CreateClient();
        foreach (var (email, point) in new[] { ("eka.vastaaja", 5), ("toka.vastaaja", 2) })
        {
            var token = SurveyLink().Match((await App.MailAsync()).Last(m => m.To.ToString().Contains(email, StringComparison.Ordinal)).TextBody!).Value.Split('/')[^1];
            var answered = await respondent.PostAsJsonAsync("/api/v1/surveys/responses", new { token, answers = new { cooperation = point, rooli = "Johto", helped = "Yhteiset tapaamiset" } });
            Assert.That((int)answered.StatusCode, Is.EqualTo(201), await answered.Content.ReadAsStringAsync());
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Tulokset" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Väittämien tulokset" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-key='cooperation'] td[data-mean]")).ToHaveTextAsync("3,50");
        await Assertions.Expect(page.GetByText("Yhteiset tapaamiset").First).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GetByRole(AriaRole.Link, new() { Name = "Vertaa kierroksia" }).ClickAsync();
        await CheckAccessibleAsync(page, visited);
        await page.GotoAsync(surveyPage + "/edit");
        await Assertions.Expect(page.GetByText("Kyselyyn on jo vastattu.")).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // The closing needs a confirmation.
        await page.GotoAsync(surveyPage);
        await page.GetByText("Sulje kysely nyt…").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kyllä, sulje kysely" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kysely suljettiin");
        await CheckAccessibleAsync(page, visited);
    }

    private async Task<Guid> NetworkAsync(HttpClient api, string? name = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = name ?? $"Verkosto {Guid.NewGuid():N}" } });
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        // Surveys learns of the network from Membership's NetworkCreated.
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SurveysDbContext>().Networks.AnyAsync(n => n.NetworkId == id);
        }, known => known);
        return id;
    }

    [GeneratedRegex(@"https?://[^\s]+/s/[A-Za-z0-9_-]+")]
    private static partial Regex SurveyLink();
}
