using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Features.TrackSurveys;
using Coordination.Shared.Messaging;
using Coordination.Shared.Security;
using Coordination.Surveys.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination.Tests;

/// <summary>The newsletter's upcoming events (from Events' EventScheduled/EventCancelled) and
/// survey highlights (from Surveys' SurveyClosed) blocks.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class NewsletterBlocksTests(Provider provider)
{
    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static async Task<Guid> EventAsync(HttpClient coordinator, Guid network, string fi, string sv, string audience, int inDays)
    {
        var start = DateTimeOffset.UtcNow.AddDays(inDays);
        var body = new { networkId = network, type = "webinar", title = new { fi, sv }, startsAt = Time(start), endsAt = Time(start.AddHours(2)), audience, place = "Helsinki" };
        // Events learns the network from Membership's event a moment after it is created.
        var response = await Eventually.WaitForAsync(() => coordinator.PostAsJsonAsync("/api/v1/events", body), r => r.StatusCode != HttpStatusCode.BadRequest);
        return await DisseminationSetup.IdOfAsync(response);
    }

    private static SurveyClosed Closed(Guid network, string title, int responses) => new(
        Guid.CreateVersion7(), network, title, "networkFeedback", null, true, 20, responses, DateTime.UtcNow.AddDays(-14), DateTime.UtcNow,
        [
            new SurveyQuestionSummary("q1", "likert", "Verkosto auttoi kehittämään", responses, 4.25, 0.7, 0, new Dictionary<string, int>(), "Nätverket hjälpte att utveckla"),
            new SurveyQuestionSummary("q2", "likert", "Sain vertaistukea", responses, 3.1, 1.1, 1, new Dictionary<string, int>()),
            new SurveyQuestionSummary("q3", "likert", "Tapaamisia oli sopivasti", responses, 4.6, 0.5, 0, new Dictionary<string, int>(), "Lagom många möten"),
            new SurveyQuestionSummary("q4", "likert", "Viestintä oli selkeää", responses, 2.2, 0.9, 0, new Dictionary<string, int>()),
            new SurveyQuestionSummary("q5", "text", "Mikä auttoi?", responses, null, null, 0, new Dictionary<string, int>()),
        ],
        "Nätverkets respons");

    [Test]
    public async Task Upcoming_public_events_and_survey_highlights_are_in_the_issue_in_each_language()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await DisseminationSetup.NetworkAsync(app, coordinator);
        var renamed = await EventAsync(coordinator, network, "Avoin webinaari", "Öppet webbinarium", "public", 10);
        var members = await EventAsync(coordinator, network, "Vain verkostolle", "Bara för nätverket", "network", 11);
        var cancelled = await EventAsync(coordinator, network, "Peruttava seminaari", "Inställt seminarium", "public", 12);
        Assert.That((await coordinator.PostAsync($"/api/v1/events/{cancelled}/cancel", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var start = DateTimeOffset.UtcNow.AddDays(10);
        Assert.That((await coordinator.PutAsJsonAsync($"/api/v1/events/{renamed}", new
        {
            networkId = network, type = "webinar", title = new { fi = "Avoin webinaari ohjauksesta", sv = "Öppet webbinarium om handledning" }, startsAt = Time(start), endsAt = Time(start.AddHours(2)), audience = "public", place = "Turku",
        })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Eventually.WaitForAsync(
            () => DisseminationSetup.InDisseminationAsync(app, db => db.Events.Where(e => e.EventId == renamed || e.EventId == members || e.EventId == cancelled).Select(e => e.Sequence + (e.Cancelled ? 10 : 0)).ToListAsync()),
            s => s.Count == 3 && s.Sum() == 1 + 0 + 11);

        // Search finds public events by their title in either language, not the network's own or a cancelled one.
        var anonymous = app.CreateClient();
        var found = await anonymous.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/dissemination/search?q=webbinarium+handledning");
        Assert.That(found!["events"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { renamed }));
        Assert.That(found["eventCount"]!.GetValue<int>(), Is.EqualTo(1));
        foreach (var hidden in new[] { "Bara+för+nätverket", "Peruttava" })
        {
            Assert.That((await anonymous.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/dissemination/search?q={hidden}"))!["eventCount"]!.GetValue<int>(), Is.Zero, hidden);
        }

        var page = await anonymous.GetStringAsync("/search?q=OHJAUKSESTA");
        Assert.That(page, Does.Contain($"href=\"/events/{renamed}\""));
        Assert.That(page, Does.Contain("1 tapahtuma"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            var handler = ActivatorUtilities.CreateInstance<SurveyClosedHandler>(scope.ServiceProvider);
            var context = new IntegrationEventContext(Guid.NewGuid(), DateTime.UtcNow, "Surveys");
            await handler.HandleAsync(Closed(network, "Verkoston palaute", 12), context, CancellationToken.None);
            await handler.HandleAsync(Closed(network, "Liian pieni kysely", 4), context, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var issue = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "Joulukuu", sv = "December" } }));
        var browser = await app.BrowserClientAsync(Roles.Coordinator);
        var fi = WebUtility.HtmlDecode(await browser.GetStringAsync($"/newsletter/manage/{issue}/preview?language=fi"));
        var sv = WebUtility.HtmlDecode(await browser.GetStringAsync($"/newsletter/manage/{issue}/preview?language=sv"));
        Assert.Multiple(() =>
        {
            Assert.That(fi, Does.Contain("Tulevia tapahtumia").And.Contain("Avoin webinaari ohjauksesta").And.Contain("Turku").And.Contain($"/events/{renamed}"));
            Assert.That(fi, Does.Not.Contain("Vain verkostolle").And.Not.Contain("Peruttava seminaari"), "members-only and cancelled events stay out");
            Assert.That(fi, Does.Contain("Kyselyjen tuloksia").And.Contain("Verkoston palaute").And.Contain("12 vastausta (kutsuttuja 20)"));
            Assert.That(fi, Does.Contain("Tapaamisia oli sopivasti: 4,6 / 5").And.Contain("Verkosto auttoi kehittämään: 4,3 / 5").And.Contain("Sain vertaistukea: 3,1 / 5"));
            Assert.That(fi, Does.Not.Contain("Viestintä oli selkeää").And.Not.Contain("Mikä auttoi").And.Not.Contain("Liian pieni kysely"), "the top three statements of surveys with five answers or more");
            Assert.That(sv, Does.Contain("Kommande evenemang").And.Contain("Öppet webbinarium om handledning").And.Contain("Nätverkets respons").And.Contain("Lagom många möten: 4,6 / 5").And.Contain("12 svar (inbjudna 20)"));
        });

        Assert.That((await coordinator.PutAsJsonAsync($"/api/v1/dissemination/newsletter/issues/{issue}", new { subject = new { fi = "Joulukuu" }, includeEvents = false, includeSurveys = false })).IsSuccessStatusCode, Is.True);
        var without = await browser.GetStringAsync($"/newsletter/manage/{issue}/preview?language=fi");
        Assert.That(without, Does.Not.Contain("Tulevia tapahtumia").And.Not.Contain("Kyselyjen tuloksia"), "the blocks can be left out");
    }
}
