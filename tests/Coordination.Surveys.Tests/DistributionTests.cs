using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;
using Coordination.Surveys.Features.Closing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.NUnit;

namespace Coordination.Surveys.Tests;

/// <summary>Audiences from Membership's directory, the open link, the window closing by itself
/// with SurveyClosed, and the event feedback survey after EventHeld.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class DistributionTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;

    protected override IDictionary<string, string?>? Settings => SurveysSetup.NoPublicRateLimit;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await SurveysSetup.NetworkAsync(App, _coordinator);
    }

    [Test]
    public async Task Audiences_come_from_the_directory_and_no_one_is_invited_twice()
    {
        var project = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "AUD");
        var stamp = Guid.NewGuid().ToString("N")[..8];
        await SurveysSetup.PersonAsync(App, _coordinator, $"pm-{stamp}@example.fi", [new { role = "projectManager", projectId = project }], "sv");
        await SurveysSetup.PersonAsync(App, _coordinator, $"staff-{stamp}@example.fi", [new { role = "contact", projectId = project }]);
        await SurveysSetup.PersonAsync(App, _coordinator, $"coord-{stamp}@example.fi", [new { role = "coordinator", networkId = _network }]);
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite", sv: "Påstående")]);

        var managers = await _coordinator.PostAsJsonAsync($"/api/v1/surveys/{survey}/invitations", new { audience = "projectManagers" });
        Assert.That(managers.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await managers.Content.ReadFromJsonAsync<JsonObject>())!["invited"]!.GetValue<int>(), Is.EqualTo(1));
        var everyone = await _coordinator.PostAsJsonAsync($"/api/v1/surveys/{survey}/invitations", new { audience = "network" });
        var counts = (await everyone.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That((counts["invited"]!.GetValue<int>(), counts["alreadyInvited"]!.GetValue<int>()), Is.EqualTo((2, 1)));

        var invalid = await _coordinator.PostAsJsonAsync($"/api/v1/surveys/{survey}/invitations", new { audience = "project", recipients = new[] { new { email = "ei-osoite" } } });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "recipients[0].email", "projectId" }));

        await SurveysSetup.RunMailJobAsync(App);
        var swedish = (await App.MailAsync()).Single(m => m.To.ToString().Contains($"pm-{stamp}", StringComparison.Ordinal));
        Assert.That(swedish.Subject, Is.EqualTo("Enkät: Responsenkät"), "in the invitee's language");
        var token = await SurveysSetup.TokenForAsync(App, $"pm-{stamp}");
        var link = await App.CreateBrowserClient().GetAsync($"/s/{token}");
        Assert.That((link.StatusCode, link.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, $"/s/{token}?culture=sv")));
        var invitations = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}/invitations");
        Assert.That(invitations!["items"]!.AsArray().Where(i => i!["projectId"] is not null).Select(i => i!["projectId"]!.GetValue<Guid>()), Is.EquivalentTo(new[] { project, project }), "project people carry their project");
    }

    [Test]
    public async Task The_open_link_takes_answers_from_anyone_and_can_be_turned_off()
    {
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite", required: true)]);
        var on = await _coordinator.PostAsync($"/api/v1/surveys/{survey}/open-link", null);
        var url = (await on.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
        var slug = url.Split('/')[^1];
        var guest = App.CreateClient();
        Assert.That((await guest.PostAsJsonAsync($"/api/v1/surveys/open/{slug}/responses", new { answers = new { a = 5 } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await guest.PostAsJsonAsync($"/api/v1/surveys/open/{slug}/responses", new { answers = new { a = 4 } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await guest.PostAsJsonAsync($"/api/v1/surveys/open/{slug}/responses", new { answers = new { } })).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/surveys/{survey}/open-link")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await guest.PostAsJsonAsync($"/api/v1/surveys/open/{slug}/responses", new { answers = new { a = 3 } })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var results = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}/results");
        Assert.That(results!["questions"]![0]!["mean"]!.GetValue<double>(), Is.EqualTo(4.5));
    }

    [Test]
    public async Task The_window_closes_by_itself_and_SurveyClosed_carries_the_summary_once()
    {
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite"), new { key = "s", type = "single", text = new { fi = "Valinta" }, options = new[] { "Kyllä", "Ei" } }],
            title: "Sulkeutuva kysely", closesAt: DateTimeOffset.UtcNow.AddSeconds(4));
        await SurveysSetup.AnswerAllAsync(App, _coordinator, survey,
        [
            ($"x1-{Guid.NewGuid():N}@example.fi", null, new { a = 5, s = 1 }),
            ($"x2-{Guid.NewGuid():N}@example.fi", null, new { a = "cantSay", s = 2 }),
            ($"x3-{Guid.NewGuid():N}@example.fi", null, new { a = 2, s = 1 }),
        ]);
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        for (var run = 0; run < 2; run++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<CloseSurveysJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        Assert.That((await _coordinator.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "closing again is harmless");
        var published = await SurveysSetup.InSurveysAsync(App, db => db.OutboxMessages.Where(m => m.Type.EndsWith("SurveyClosed") && m.Payload.Contains(survey.ToString())).ToListAsync());
        Assert.That(published, Has.Count.EqualTo(1));
        var payload = JsonNode.Parse(published[0].Payload)!.AsObject();
        foreach (var volatileField in new[] { "surveyId", "networkId", "opensAt", "closedAt" })
        {
            Assert.That(payload.Remove(volatileField), Is.True, volatileField);
        }

        Snapshot.Match(payload.ToJsonString());
        var state = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}");
        Assert.That(state!["state"]!.GetValue<string>(), Is.EqualTo("closed"));
    }

    [Test]
    public async Task A_held_event_whose_organiser_asked_for_feedback_sends_its_attendees_the_feedback_survey()
    {
        var start = DateTimeOffset.UtcNow.AddHours(3);
        var body = new
        {
            networkId = _network, type = "developmentDay", title = new { fi = "Kehittämispäivä" }, startsAt = SurveysSetup.Time(start), endsAt = SurveysSetup.Time(start.AddHours(2)),
            audience = "public", feedbackSurvey = true,
        };

        // Events learns the network from NetworkCreated too; until then the event is refused.
        var created = await Eventually.WaitForAsync(() => _coordinator.PostAsJsonAsync("/api/v1/events", body), r => r.StatusCode == HttpStatusCode.Created);
        var eventId = await SurveysSetup.IdOfAsync(created);
        var stamp = Guid.NewGuid().ToString("N")[..8];
        foreach (var n in new[] { "a", "b" })
        {
            await _coordinator.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { name = $"Osallistuja {n}", email = $"{n}-{stamp}@example.fi" });
        }

        var list = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/events/{eventId}/registrations");
        await _coordinator.PutAsJsonAsync($"/api/v1/events/{eventId}/attendance", new { registrationIds = list!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()) });

        // An event is marked held once it has begun: its time is set to this morning.
        var began = DateTimeOffset.UtcNow.AddHours(-3);
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/events/{eventId}", body with { startsAt = SurveysSetup.Time(began), endsAt = SurveysSetup.Time(began.AddHours(2)) })).IsSuccessStatusCode, Is.True);
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{eventId}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var survey = await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(App, db => db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.EventId == eventId)), s => s is not null);
        Assert.That(survey, Is.Not.Null, "Surveys made the feedback survey");
        Assert.That(survey!.Title.Fi, Does.StartWith("Palaute tapahtumasta: Kehittämispäivä"));
        Assert.That(survey.Template, Is.EqualTo("eventFeedback"));
        await SurveysSetup.RunMailJobAsync(App);
        Assert.That((await App.MailAsync()).Count(m => m.Subject!.StartsWith("Kysely: Palaute tapahtumasta: Kehittämispäivä", StringComparison.Ordinal) && m.To.ToString().Contains(stamp, StringComparison.Ordinal)), Is.EqualTo(2));

        var other = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite")]);
        var attendees = await _coordinator.PostAsJsonAsync($"/api/v1/surveys/{other}/invitations", new { audience = "event", eventId });
        Assert.That((await attendees.Content.ReadFromJsonAsync<JsonObject>())!["invited"]!.GetValue<int>(), Is.EqualTo(2), "a held event's attendees are an audience");
    }

    /// <summary>Undo of "marked held" (EventHeldRetracted) withdraws the feedback survey nobody has
    /// answered, so no invitation leaves; marked held again makes a new one, whose first answer
    /// (EventFeedbackAnswered) ends the undo in Events.</summary>
    [Test]
    public async Task Undoing_held_withdraws_an_unanswered_feedback_survey_and_an_answer_ends_the_undo()
    {
        var start = DateTimeOffset.UtcNow.AddHours(3);
        var body = new
        {
            networkId = _network, type = "workshop", title = new { fi = "Peruttava työpaja" }, startsAt = SurveysSetup.Time(start), endsAt = SurveysSetup.Time(start.AddHours(2)),
            audience = "public", feedbackSurvey = true,
        };
        var created = await Eventually.WaitForAsync(() => _coordinator.PostAsJsonAsync("/api/v1/events", body), r => r.StatusCode == HttpStatusCode.Created);
        var eventId = await SurveysSetup.IdOfAsync(created);
        var began = DateTimeOffset.UtcNow.AddHours(-3);
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/events/{eventId}", body with { startsAt = SurveysSetup.Time(began), endsAt = SurveysSetup.Time(began.AddHours(2)) })).IsSuccessStatusCode, Is.True);
        var email = $"undo-{Guid.NewGuid():N}@example.fi";
        await _coordinator.PostAsJsonAsync($"/api/v1/events/{eventId}/walk-ins", new { name = "Osallistuja", email });
        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{eventId}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var first = await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(App, db => db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.EventId == eventId)), s => s is not null);
        Assert.That(first, Is.Not.Null, "Surveys made the feedback survey");

        Assert.That((await _coordinator.DeleteAsync($"/api/v1/events/{eventId}/held")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "undone before any answer");
        var withdrawn = await Eventually.WaitForAsync(
            () => SurveysSetup.InSurveysAsync(App, async db => !await db.Surveys.AnyAsync(s => s.EventId == eventId) && !await db.HeldEvents.AnyAsync(e => e.EventId == eventId)), done => done);
        Assert.That(withdrawn, Is.True, "the survey and the attendee audience are gone");
        await SurveysSetup.RunMailJobAsync(App);
        Assert.That((await App.MailAsync()).Count(m => m.To.ToString().Contains(email, StringComparison.Ordinal)), Is.Zero, "no invitation left");

        Assert.That((await _coordinator.PostAsync($"/api/v1/events/{eventId}/held", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "marked held again");
        var second = await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(App, db => db.Surveys.AsNoTracking().Where(s => s.EventId == eventId).ToListAsync()), s => s.Count > 0);
        Assert.That(second, Has.Count.EqualTo(1));
        Assert.That(second[0].Id, Is.Not.EqualTo(first!.Id));
        await SurveysSetup.RunMailJobAsync(App);
        Assert.That((await App.MailAsync()).Count(m => m.To.ToString().Contains(email, StringComparison.Ordinal)), Is.EqualTo(1), "one invitation, of the new survey");

        var answered = await SurveysSetup.AnswerAsync(App.CreateClient(), await SurveysSetup.TokenForAsync(App, email), new { overall = 4 });
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await answered.Content.ReadAsStringAsync());
        // Events hears of the answer through EventFeedbackAnswered: its page then offers no undo.
        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        var page = await Eventually.WaitForAsync(() => browser.GetStringAsync($"/events/{eventId}/registrations"), p => p.Contains("palautekyselyyn on jo vastattu", StringComparison.Ordinal));
        Assert.That(page, Does.Not.Contain($"/events/{eventId}/held/undo"));
        Assert.That((await _coordinator.DeleteAsync($"/api/v1/events/{eventId}/held")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "undo refused once an answer exists");
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Surveys.CountAsync(s => s.EventId == eventId)), Is.EqualTo(1), "the answered survey stays");
    }

    /// <summary>ProjectDeleted (a duplicate import deleted by a coordinator): the project leaves
    /// Surveys' audiences and results by project; the answers stay in the figures. Idempotent.</summary>
    [Test]
    public async Task A_deleted_project_leaves_the_audiences_and_the_results_by_project()
    {
        var project = await SurveysSetup.ProjectAsync(App, _coordinator, _network, "DEL");
        var email = $"del-{Guid.NewGuid():N}@example.fi";
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite")], anonymous: false);
        await SurveysSetup.AnswerAllAsync(App, _coordinator, survey, [(email, project, new { a = 4 })]);
        Assert.That(await SurveysSetup.InSurveysAsync(App, db => db.Answers.CountAsync(a => a.ProjectId == project)), Is.EqualTo(1));

        Assert.That((await _coordinator.DeleteAsync($"/api/v1/membership/projects/{project}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var gone = await Eventually.WaitForAsync(
            () => SurveysSetup.InSurveysAsync(App, async db => !await db.Projects.AnyAsync(p => p.ProjectId == project) && !await db.Invitations.AnyAsync(i => i.ProjectId == project)
                && !await db.Responses.AnyAsync(r => r.ProjectId == project) && !await db.Answers.AnyAsync(a => a.ProjectId == project)),
            done => done);
        Assert.That(gone, Is.True, "nothing in Surveys names the deleted project");
        var results = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}/results");
        Assert.That(results!["questions"]![0]!["mean"]!.GetValue<double>(), Is.EqualTo(4), "the answer itself stays in the figures");
    }

    [Test]
    public async Task An_erased_person_leaves_no_name_or_address_on_invitations_or_identified_answers()
    {
        var email = $"poistettava-{Guid.NewGuid():N}@example.fi";
        var person = await SurveysSetup.PersonAsync(App, _coordinator, email, [new { role = "coordinator", networkId = _network }]);
        var survey = await SurveysSetup.SurveyAsync(_coordinator, _network, [SurveysSetup.Likert("a", "Väite")], anonymous: false);
        await SurveysSetup.AnswerAllAsync(App, _coordinator, survey, [(email, null, new { a = 3 })]);

        Assert.That((await _coordinator.DeleteAsync($"/api/v1/membership/people/{person}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var erased = await Eventually.WaitForAsync(
            () => SurveysSetup.InSurveysAsync(App, async db => !await db.Invitations.AnyAsync(i => i.Email == email) && !await db.Responses.AnyAsync(r => r.Email == email) && !await db.People.AnyAsync(p => p.PersonId == person)),
            done => done);
        Assert.That(erased, Is.True);
        var results = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/{survey}/results");
        Assert.That(results!["questions"]![0]!["mean"]!.GetValue<double>(), Is.EqualTo(3), "the answer itself stays in the figures");
    }
}
