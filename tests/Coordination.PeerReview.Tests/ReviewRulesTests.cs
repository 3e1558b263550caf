using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Features.RemindReviewers;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.PeerReview.Tests;

/// <summary>Bad input, authorisation, the conflict rules by hand, drafts and final reviews, and
/// reminders that go once each. The tests share one app; each works in its own network.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReviewRulesTests(Provider provider) : AppFixture(provider)
{
    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Test]
    public async Task A_round_with_bad_input_is_refused_field_by_field_and_only_coordinators_create_rounds()
    {
        var app = App;
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var rounds = await new PeerReviewSetup(app, coordinator).InPeerReviewAsync(db => db.Rounds.CountAsync());
        var errors = (await ProblemAsync(await coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new
        {
            name = "", type = "vote", reviewersPerSubmission = 0, maxReviewsPerReviewer = 500, opensAt = "2027-02-01T09:00", closesAt = "2027-01-01T09:00",
            criteria = new[] { new { title = "Vaikuttavuus", rubric = new[] { "1", "2", "3", "4" } } },
        }), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "name", "type", "reviewersPerSubmission", "maxReviewsPerReviewer", "closesAt", "criteria[0]" }));
        Assert.That(await new PeerReviewSetup(app, coordinator).InPeerReviewAsync(db => db.Rounds.CountAsync()), Is.EqualTo(rounds), "nothing saved");

        var member = await app.ApiClientAsync(Roles.Member);
        Assert.That((await member.PostAsJsonAsync("/api/v1/peer-review/rounds", new { name = "X", type = "peer", reviewersPerSubmission = 1, maxReviewsPerReviewer = 1 })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await app.CreateClient().GetAsync("/api/v1/peer-review/rounds")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var created = await coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new { name = "Kevään vertaisarviointi", type = "peer", reviewersPerSubmission = 3, maxReviewsPerReviewer = 6 });
        var round = await PeerReviewSetup.IdOfAsync(created);
        var details = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/rounds/{round}");
        Assert.That(details!["criteria"]!.AsArray(), Has.Count.EqualTo(4), "the default criteria form");
        Assert.That(details["criteria"]![0]!["rubric"]!.AsArray(), Has.Count.EqualTo(5));
        Assert.That((await member.GetAsync($"/api/v1/peer-review/rounds/{round}/statistics")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var funder = await app.ApiClientAsync(Roles.Funder);
        Assert.That((await funder.GetAsync($"/api/v1/peer-review/rounds/{round}/statistics")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Conflicts_hold_by_hand_reviews_are_validated_and_final_and_reminders_go_once()
    {
        var app = App;
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var setup = new PeerReviewSetup(app, coordinator);
        var network = await setup.NetworkAsync();
        var a = await setup.ProjectAsync(network, "A");
        var b = await setup.ProjectAsync(network, "B");
        var closes = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var round = await setup.RoundAsync("peer", k: 1, maximum: 3, closesAt: closes);
        var model = await setup.ModelSentToReviewAsync(network, a, "A:n malli");
        var submission = await setup.InPeerReviewAsync(db => db.Submissions.Where(s => s.RoundId == round && s.ModelId == model).Select(s => s.Id).SingleAsync());

        // The project's own manager submits nothing of another project, and a second time is a conflict.
        var otherModel = await setup.ModelSentToReviewAsync(network, b, "B:n malli");
        Assert.That((await a.Manager.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/submissions", new { modelId = otherModel })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await b.Manager.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/submissions", new { modelId = otherModel })).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "already there (sent to review during the open round)");

        // A volunteer must be in the directory.
        var outsider = await app.ApiClientAsync(Roles.Member);
        var notInDirectory = (await ProblemAsync(await outsider.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/volunteer", new { }), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.That(notInDirectory.Select(e => e.Key), Is.EquivalentTo(new[] { "personId" }));

        var ownReviewer = await PeerReviewSetup.IdOfAsync(await a.Manager.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/volunteer", new { }));
        var otherReviewer = await PeerReviewSetup.IdOfAsync(await b.Manager.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/volunteer", new { }));
        var refused = await ProblemAsync(await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/assignments", new { submissionId = submission, reviewerId = ownReviewer }), HttpStatusCode.BadRequest);
        Assert.That(refused["detail"]!.GetValue<string>(), Does.Contain("omasta hankkeesta"));
        Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/assignments", new { submissionId = submission, reviewerId = otherReviewer })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/assignments", new { submissionId = submission, reviewerId = otherReviewer })).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var assignment = await setup.InPeerReviewAsync(db => db.Assignments.Where(x => x.SubmissionId == submission).Select(x => x.Id).SingleAsync());

        // Reminders: a week before, once; then a day before, once.
        await RunRemindersAsync(app);
        await RunRemindersAsync(app);
        Assert.That((await app.MailAsync()).Count(m => m.To.ToString().Contains(b.ManagerEmail, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)), Is.EqualTo(1));
        await setup.InPeerReviewAsync(db => db.Rounds.Where(r => r.Id == round).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosesAt, DateTime.UtcNow.AddHours(12))));
        await RunRemindersAsync(app);
        await RunRemindersAsync(app);
        Assert.That((await app.MailAsync()).Count(m => m.To.ToString().Contains(b.ManagerEmail, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)), Is.EqualTo(2));

        // The review: only its reviewer; invalid scores refused; a draft saves partial work; submit needs everything.
        Assert.That((await a.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", new { strengths = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var bad = (await ProblemAsync(await b.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", new { scores = new Dictionary<string, int> { ["c1"] = 7, ["c9"] = 3 } }), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.That(bad.Select(e => e.Key), Is.EquivalentTo(new[] { "scores.c1", "scores.c9" }));
        Assert.That((await b.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", new { scores = new Dictionary<string, int> { ["c1"] = 4 }, strengths = "Hyvä alku" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var incomplete = (await ProblemAsync(await b.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", new { scores = new Dictionary<string, int> { ["c1"] = 4 }, strengths = "Hyvä alku", submit = true }), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.That(incomplete.Select(e => e.Key), Is.EquivalentTo(new[] { "scores.c2", "scores.c3", "scores.c4", "suggestions" }));
        var empty = (await ProblemAsync(await b.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", new { submit = true }), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        var messages = empty.Select(e => e.Value!.AsArray().Single()!.GetValue<string>()).ToList();
        Assert.That(messages, Is.Unique, "the error summary tells the fields apart");
        Assert.That(messages, Has.Some.StartsWith("Vahvuudet:").And.Some.StartsWith("Kehittämisehdotukset:"));
        var draft = await b.Manager.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/assignments/{assignment}");
        Assert.That(draft!["review"]!["status"]!.GetValue<string>(), Is.EqualTo("draft"));
        Assert.That(draft["review"]!["strengths"]!.GetValue<string>(), Is.EqualTo("Hyvä alku"));
        var full = new { scores = new Dictionary<string, int> { ["c1"] = 4, ["c2"] = 5, ["c3"] = 3, ["c4"] = 4 }, strengths = "Hyvä", suggestions = "Kuvaa resurssit", submit = true };
        Assert.That((await b.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", full)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await b.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", full)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a submitted review is final");
        Assert.That((await coordinator.DeleteAsync($"/api/v1/peer-review/assignments/{assignment}")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "its assignment stays");
        await RunRemindersAsync(app);
        Assert.That((await app.MailAsync()).Count(m => (m.To.ToString().Contains(a.ManagerEmail, StringComparison.Ordinal) || m.To.ToString().Contains(b.ManagerEmail, StringComparison.Ordinal)) && (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)), Is.EqualTo(2), "no reminder for a submitted review");

        // Criteria are frozen once a review is in; releasing needs written feedback.
        var put = await coordinator.PutAsJsonAsync($"/api/v1/peer-review/rounds/{round}", new
        {
            name = "Muutettu", type = "peer", reviewersPerSubmission = 1, maxReviewsPerReviewer = 3, criteria = new[] { new { title = "Uusi", rubric = new[] { "1", "2", "3", "4", "5" } } },
        });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var current = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/rounds/{round}");
        var same = await coordinator.PutAsJsonAsync($"/api/v1/peer-review/rounds/{round}", new
        {
            name = "Muutettu", type = "peer", reviewersPerSubmission = 1, maxReviewsPerReviewer = 3, criteria = current!["criteria"],
        });
        Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the same criteria sent again are no change (the API and the form keep one rule)");
        Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/submissions/{submission}/release", null)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        // After the window closes, drafts can no longer change.
        await setup.InPeerReviewAsync(db => db.Rounds.Where(r => r.Id == round).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));
        var late = await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/assignments", new { submissionId = await setup.InPeerReviewAsync(db => db.Submissions.Where(s => s.ModelId == otherModel).Select(s => s.Id).SingleAsync()), reviewerId = ownReviewer });
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var lateAssignment = await setup.InPeerReviewAsync(db => db.Assignments.Where(x => x.ReviewerId == ownReviewer).Select(x => x.Id).SingleAsync());
        Assert.That((await a.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{lateAssignment}/review", new { strengths = "Myöhässä" })).StatusCode, Is.EqualTo(HttpStatusCode.Gone));

        // Nor before the round opens.
        await setup.InPeerReviewAsync(db => db.Rounds.Where(r => r.Id == round).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosesAt, (DateTime?)null).SetProperty(r => r.OpensAt, DateTime.UtcNow.AddDays(1))));
        var early = await a.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{lateAssignment}/review", new { strengths = "Etuajassa" });
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await early.Content.ReadAsStringAsync(), Does.Contain("ei ole vielä alkanut"));
        Assert.That(await setup.InPeerReviewAsync(db => db.Reviews.AnyAsync(r => r.Id == lateAssignment)), Is.False, "nothing was saved");
    }

    [Test]
    public async Task A_round_table_is_held_at_an_event_with_notes_and_an_outcome_per_model()
    {
        var app = App;
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var setup = new PeerReviewSetup(app, coordinator);
        var network = await setup.NetworkAsync();
        var project = await setup.ProjectAsync(network, "PP");
        var start = DateTimeOffset.UtcNow.AddDays(20);
        string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var eventId = await PeerReviewSetup.IdOfAsync(await Eventually.WaitForAsync(
            () => coordinator.PostAsJsonAsync("/api/v1/events", new { networkId = network, type = "roundTable", title = new { fi = "Mallien pyöreä pöytä" }, startsAt = Time(start), endsAt = Time(start.AddHours(3)), audience = "network" }),
            r => r.StatusCode != HttpStatusCode.BadRequest));
        var unknown = (await ProblemAsync(await coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new { name = "Pyöreä pöytä", type = "roundTable", reviewersPerSubmission = 1, maxReviewsPerReviewer = 5, eventId = Guid.NewGuid() }), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.That(unknown.Select(e => e.Key), Is.EquivalentTo(new[] { "eventId" }));
        var round = await PeerReviewSetup.IdOfAsync(await Eventually.WaitForAsync(
            () => coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new { name = "Pyöreä pöytä", type = "roundTable", reviewersPerSubmission = 1, maxReviewsPerReviewer = 5, eventId }),
            r => r.StatusCode == HttpStatusCode.Created));

        var model = await setup.ModelSentToReviewAsync(network, project, "Pöydän malli");
        Assert.That(await setup.InPeerReviewAsync(db => db.Submissions.AnyAsync(s => s.RoundId == round)), Is.False, "only peer rounds take models sent to review by themselves");
        var submission = await PeerReviewSetup.IdOfAsync(await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/submissions", new { modelId = model }));
        Assert.That((await coordinator.PutAsJsonAsync($"/api/v1/peer-review/submissions/{submission}/round-table", new { notes = "Keskusteltiin siirrettävyydestä.", outcome = "Suositellaan levitettäväksi." })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var read = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/submissions/{submission}/feedback");
        Assert.That((read!["roundTableNotes"]!.GetValue<string>(), read["roundTableOutcome"]!.GetValue<string>()), Is.EqualTo(("Keskusteltiin siirrettävyydestä.", "Suositellaan levitettäväksi.")));

        var browser = await app.BrowserClientAsync(Roles.Coordinator);
        var page = await browser.GetStringAsync($"/peer-review/rounds/{round}");
        Assert.That(page, Does.Contain($"href=\"/events/{eventId}\"").And.Contain("Mallien pyöreä pöytä"));
        var submissionPage = await browser.GetStringAsync($"/peer-review/submissions/{submission}");
        Assert.That(submissionPage, Does.Contain("Keskusteltiin siirrettävyydestä."));

        var peer = await setup.RoundAsync("peer");
        var peerSubmission = await PeerReviewSetup.IdOfAsync(await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{peer}/submissions", new { modelId = model }));
        Assert.That((await coordinator.PutAsJsonAsync($"/api/v1/peer-review/submissions/{peerSubmission}/round-table", new { notes = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "notes belong to round tables");
    }

    [Test]
    public async Task Notices_reminders_and_released_feedback_go_in_each_recipients_language()
    {
        var app = App;
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var setup = new PeerReviewSetup(app, coordinator);
        var network = await setup.NetworkAsync();
        var a = await setup.ProjectAsync(network, "A", language: "sv");
        var b = await setup.ProjectAsync(network, "B", language: "sv");
        var closes = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var round = await setup.RoundAsync("peer", k: 1, maximum: 3, closesAt: closes);
        var model = await setup.ModelSentToReviewAsync(network, a, "A:n malli");
        var submission = await setup.InPeerReviewAsync(db => db.Submissions.Where(s => s.RoundId == round && s.ModelId == model).Select(s => s.Id).SingleAsync());
        await PeerReviewSetup.IdOfAsync(await b.Manager.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/volunteer", new { }));
        var badLanguage = (await ProblemAsync(await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/reviewers", new { name = "Ulla Ulkopuolinen", email = "ulla@example.fi", language = "de" }), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.That(badLanguage.Select(e => e.Key), Is.EquivalentTo(new[] { "language" }));

        Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/rounds/{round}/assign", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await RunRemindersAsync(app);
        var toB = (await app.MailAsync()).Where(m => m.To.ToString().Contains(b.ManagerEmail, StringComparison.Ordinal)).Select(m => m.Subject ?? "").ToList();
        Assert.That(toB, Has.One.StartsWith("Att granska:").And.One.StartsWith("Påminnelse:"), string.Join(" / ", toB));

        var assignment = await setup.InPeerReviewAsync(db => db.Assignments.Where(x => x.SubmissionId == submission).Select(x => x.Id).SingleAsync());
        var full = new { scores = new Dictionary<string, int> { ["c1"] = 4, ["c2"] = 5, ["c3"] = 3, ["c4"] = 4 }, strengths = "Bra", suggestions = "Beskriv resurserna", submit = true };
        Assert.That((await b.Manager.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment}/review", full)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await coordinator.PutAsJsonAsync($"/api/v1/peer-review/submissions/{submission}/feedback", new { feedback = "Sammanställd respons" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/submissions/{submission}/release", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await app.MailAsync()).Where(m => m.To.ToString().Contains(a.ManagerEmail, StringComparison.Ordinal)).Select(m => m.Subject), Has.One.EqualTo("Respons på modellen ”A:n malli”"));
    }

    private static async Task RunRemindersAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ReviewRemindersJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }
}
