using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests;

/// <summary>Issue 19: a project ended 13 months ago; its follow-up goes out; a partner's contact
/// answers in Swedish and another in Finnish, by keyboard only; the public model page shows the
/// result in both languages; the coordinator's follow-up page lists the waves. Every page passes axe.</summary>
public sealed partial class FollowUpJourneyTests : BrowserFixture
{
    [Test]
    public async Task Partners_contacts_answer_by_keyboard_in_Swedish_and_Finnish_and_the_model_page_shows_the_result()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var network = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Seurantaverkosto {stamp}", sv = $"Uppföljningsnätverk {stamp}" } }));
        var organisations = new List<Guid>();
        foreach (var name in new[] { "Opisto", "Samverkan rf", "Kumppani oy" })
        {
            organisations.Add(await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"{name} {stamp}", type = "educationProvider", language = "fi" })));
        }

        var ended = DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow)).AddMonths(-13);
        var project = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = "Hanke Juuret", acronym = "JUU", fundingDecisionNumber = "OPH-1/2024", leadOrganisationId = organisations[0], partnerOrganisationIds = organisations.Skip(1),
            startDate = ended.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endDate = ended.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), grantedAmount = 100000m, ownFinancing = 30000m,
        }));
        var people = new[] { ("Päivi Päällikkö", $"paivi-{stamp}@example.fi", "fi", "projectManager"), ("Stina Samverkan", $"stina-{stamp}@example.fi", "sv", "contact"), ("Kalle Kumppani", $"kalle-{stamp}@example.fi", "fi", "contact") };
        for (var i = 0; i < people.Length; i++)
        {
            var (name, email, language, role) = people[i];
            await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/people", new { name, email, language, organisationId = organisations[i], roles = new[] { new { role, projectId = project } } }));
        }

        // Dissemination learns of the project from Membership's event; until then the card is refused (400, nothing stored).
        var model = await IdAsync(await Eventually.WaitForAsync(() => api.PostAsJsonAsync("/api/v1/dissemination/models", new
        {
            networkId = network, projectId = project, title = new { fi = "Mentorointimalli", sv = "Mentorskapsmodell" }, summary = new { fi = "Uudet opettajat saavat mentorin.", sv = "Nya lärare får en mentor." },
            challenge = new { fi = "Haaste" }, method = new { fi = "Menetelmä" }, result = new { fi = "Tulos" },
        }), r => r.StatusCode != HttpStatusCode.BadRequest));
        await api.PostAsync($"/api/v1/dissemination/models/{model}/publish", null);
        await Eventually.WaitForAsync(() => InSurveysAsync(db => db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == project)), p => p?.Organisations.Count == 3);
        await Eventually.WaitForAsync(() => InSurveysAsync(db => db.Models.AnyAsync(m => m.ModelId == model && m.Published)), k => k);
        await Eventually.WaitForAsync(() => InSurveysAsync(db => db.People.CountAsync(p => p.Email.EndsWith($"-{stamp}@example.fi"))), n => n == 3);
        await RunAsync("membership:membership-end-projects");
        await Eventually.WaitForAsync(() => InSurveysAsync(db => db.FollowUpWaves.CountAsync(w => w.ProjectId == project)), n => n == 2);
        await RunAsync("surveys:followups");
        var mails = await InSurveysAsync(db => db.MailQueue.AsNoTracking().Where(m => m.Key.StartsWith("surveys:followup:")).ToListAsync());
        Assert.That(mails.Single(m => m.ToAddress == people[1].Item2).Subject, Is.EqualTo("Uppföljning: används Mentorskapsmodell fortfarande?"), "in the recipient's language");

        var visited = new List<string>();
        await AnswerAsync(Link(mails, people[1].Item2), "sv-FI", "Används modellen Mentorskapsmodell fortfarande i organisationen Samverkan rf", "Skicka svaren", "Tack, ert svar har sparats", "Ledningens stöd", visited);
        await AnswerAsync(Link(mails, people[2].Item2), "fi-FI", "Onko malli Mentorointimalli yhä käytössä organisaatiossa Kumppani oy", "Lähetä vastaukset", "Kiitos, vastauksenne on tallennettu", "Johdon tuki", visited);

        // The public card, in Finnish and in Swedish.
        await Eventually.WaitForAsync(async () => (await App.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{model}"))!["followUp"], f => f is not null && f["organisationsInUse"]!.GetValue<int>() == 2);
        var month = HelsinkiTime.ToLocal(DateTime.UtcNow).ToString("M/yyyy", CultureInfo.InvariantCulture);
        foreach (var (locale, text, mark) in new[] { ("fi-FI", $"Käytössä 2/3 organisaatiossa 12 kk hankkeen päättymisen jälkeen (seuranta {month}).", "Yhä käytössä"), ("sv-FI", $"Används i 2/3 av organisationerna 12 mån. efter projektets slut (uppföljning {month}).", "Används fortfarande") })
        {
            await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = locale });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/method-bank/{model}?culture={locale[..2]}");
            await Assertions.Expect(page.GetByText(text)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(mark, new() { Exact = true }).First).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);
            await page.GotoAsync($"/method-bank?inUse=true&culture={locale[..2]}");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = locale == "fi-FI" ? "Mentorointimalli" : "Mentorskapsmodell" })).ToBeVisibleAsync();
            await CheckAccessibleAsync(page, visited);
        }

        // The coordinator's page: the running wave and the planned second one.
        await using (var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "fi-FI" }))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "Sähköposti", "Salasana", "Kirjaudu sisään");
            await page.GotoAsync($"/followups?projectId={project}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mallien seuranta");
            await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
            await CheckAccessibleAsync(page, visited);
            await page.GetByText("Siirrä tai ohita").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ohita kierros" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kerro, miksi kierros ohitetaan.");
            await CheckAccessibleAsync(page, visited);
            await page.GotoAsync($"/followups/waves/{await InSurveysAsync(db => db.FollowUpWaves.Where(w => w.ProjectId == project && w.Months == 24).Select(w => w.Id).SingleAsync())}/preview");
            await CheckAccessibleAsync(page, visited);
        }

        TestContext.Out.WriteLine(string.Join("\n", visited));
    }

    private async Task AnswerAsync(string path, string locale, string question, string submit, string thanks, string helps, List<string> visited)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = locale });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = question })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // Sent without the required choice: the error is listed and beside the question.
        await TabToAsync(page, "button", submit);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, visited);

        // "In use" (the first choice), rooted in the curriculum, what helps; by keyboard only.
        await TabToAsync(page, "input", "use");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "input", "rootedIn");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "textarea", "helps");
        await page.Keyboard.TypeAsync(helps);
        await TabToAsync(page, "button", submit);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(thanks);
        await CheckAccessibleAsync(page, visited);
    }

    private static string Link(List<QueuedMail> mails, string email) => FollowUpLink().Match(mails.Single(m => m.ToAddress == email).TextBody).Groups[1].Value;

    private async Task<T> InSurveysAsync<T>(Func<SurveysDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SurveysDbContext>());
    }

    private async Task RunAsync(string job)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync(job, CancellationToken.None);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body?.ToJsonString());
        return (body!["id"] ?? body["projectId"])!.GetValue<Guid>();
    }

    [GeneratedRegex(@"https?://[^/\s]+(/f/[A-Za-z0-9_-]+)")]
    private static partial Regex FollowUpLink();
}
