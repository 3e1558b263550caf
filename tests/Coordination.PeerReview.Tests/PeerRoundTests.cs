using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.PeerReview.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Tests;

/// <summary>The issue's "done when": a peer round for twenty models of ten projects — models sent
/// to review land in the open round, one call assigns reviewers fairly and without conflicts,
/// reviewers review, the projects read their released feedback, the best models go on to
/// experts, and both badges reach the method bank.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PeerRoundTests(Provider provider)
{
    private static Dictionary<string, int> Scores(int score) => new() { ["c1"] = score, ["c2"] = score, ["c3"] = score, ["c4"] = score };

    [Test]
    public async Task Twenty_models_of_ten_projects_are_peer_reviewed_then_the_best_by_experts()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var setup = new PeerReviewSetup(app, coordinator);
        var network = await setup.NetworkAsync();
        var round = await setup.RoundAsync("peer", k: 2, maximum: 5, showNames: false);

        var projects = new List<PeerReviewSetup.Project>();
        var models = new Dictionary<Guid, PeerReviewSetup.Project>();
        for (var i = 0; i < 10; i++)
        {
            var project = await setup.ProjectAsync(network, $"P{i}");
            projects.Add(project);
            models[await setup.ModelSentToReviewAsync(network, project, $"Malli {i}A")] = project;
            models[await setup.ModelSentToReviewAsync(network, project, $"Malli {i}B")] = project;
        }

        Assert.That(await setup.InPeerReviewAsync(db => db.Submissions.CountAsync(s => s.RoundId == round)), Is.EqualTo(20), "models sent to review go into the open peer round");

        // Each project's manager volunteers (their project is their conflict by itself).
        foreach (var p in projects)
        {
            Assert.That((await p.Manager.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/volunteer", new { })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var assign = await coordinator.PostAsync($"/api/v1/peer-review/rounds/{round}/assign", null);
        var result = (await assign.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(result["added"]!.GetValue<int>(), Is.EqualTo(40));
        Assert.That(result["shortfalls"]!.AsArray(), Is.Empty);
        Assert.That((result["minLoad"]!.GetValue<int>(), result["maxLoad"]!.GetValue<int>()), Is.EqualTo((4, 4)));

        var notices = (await app.MailAsync()).Where(m => (m.Subject ?? "").StartsWith("Arvioitavaksi:", StringComparison.Ordinal)).ToList();
        Assert.That(notices.Select(m => m.To.Mailboxes.Single().Address), Is.EquivalentTo(projects.Select(p => p.ManagerEmail)), "each reviewer told once of their four models");
        Assert.That((notices[0].TextBody ?? "").Split('\n').Count(line => line.StartsWith("- Malli", StringComparison.Ordinal)), Is.EqualTo(4));

        // No one reviews their own project's model.
        var pairs = await setup.InPeerReviewAsync(db => (from a in db.Assignments
                                                           join s in db.Submissions on a.SubmissionId equals s.Id
                                                           join r in db.Reviewers on a.ReviewerId equals r.Id
                                                           where a.RoundId == round
                                                           select new { a.Id, s.ModelId, s.ProjectId, ReviewerProject = r.ProjectId, r.Email }).ToListAsync());
        Assert.That(pairs.Where(x => x.ProjectId == x.ReviewerProject), Is.Empty);

        // Reviewers see their own assignments only, and review: models "…A" get 5s, "…B" 3s.
        var byEmail = projects.ToDictionary(p => p.ManagerEmail, p => p.Manager);
        foreach (var pair in pairs)
        {
            var reviewer = byEmail[pair.Email];
            var other = projects.First(p => p.ManagerEmail != pair.Email && pairs.All(x => x.Id != pair.Id || x.Email != p.ManagerEmail));
            Assert.That((await other.Manager.GetAsync($"/api/v1/peer-review/assignments/{pair.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not someone else's assignment");
            var title = await setup.InPeerReviewAsync(db => db.Submissions.Where(s => s.ModelId == pair.ModelId).Select(s => s.Title.Fi).FirstAsync());
            var score = title.EndsWith('A') ? 5 : 3;
            Assert.That((await reviewer.PutAsJsonAsync($"/api/v1/peer-review/assignments/{pair.Id}/review", new { scores = Scores(score), strengths = "Selkeä", suggestions = "Lisää esimerkkejä" })).StatusCode,
                Is.EqualTo(HttpStatusCode.NoContent), "draft");
            Assert.That((await reviewer.PutAsJsonAsync($"/api/v1/peer-review/assignments/{pair.Id}/review", new { scores = Scores(score), strengths = "Selkeä", suggestions = "Lisää esimerkkejä", transferability = "Sopii muillekin", submit = true })).StatusCode,
                Is.EqualTo(HttpStatusCode.NoContent), "submitted");
        }

        var mine = await projects[0].Manager.GetFromJsonAsync<JsonArray>("/api/v1/peer-review/my/assignments");
        Assert.That(mine!.Count, Is.EqualTo(4));

        // Feedback: not visible to the project before release; released, read by its manager only.
        var submissions = await setup.InPeerReviewAsync(db => db.Submissions.Where(s => s.RoundId == round).ToListAsync());
        var first = submissions[0];
        var owner = models[first.ModelId];
        Assert.That((await owner.Manager.GetAsync($"/api/v1/peer-review/submissions/{first.Id}/feedback")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not before release");
        foreach (var s in submissions)
        {
            Assert.That((await coordinator.PutAsJsonAsync($"/api/v1/peer-review/submissions/{s.Id}/feedback", new { feedback = $"Koottu palaute: {s.Title}" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/submissions/{s.Id}/release", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/submissions/{first.Id}/release", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "released once");
        var read = await owner.Manager.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/submissions/{first.Id}/feedback");
        Assert.That(read!["feedback"]!.GetValue<string>(), Does.StartWith("Koottu palaute"));
        Assert.That(read["reviews"]!.AsArray().Select(r => r!["reviewer"]!.GetValue<string>()), Is.EquivalentTo(new[] { "Arvioija 1", "Arvioija 2" }), "names hidden by the round's setting");
        var stranger = projects.First(p => p != owner);
        Assert.That((await stranger.Manager.GetAsync($"/api/v1/peer-review/submissions/{first.Id}/feedback")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var stats = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/rounds/{round}/statistics");
        Assert.That(stats!["reviewsSubmitted"]!.GetValue<int>(), Is.EqualTo(40));
        Assert.That(stats["criteria"]!.AsArray().Select(c => c!["mean"]!.GetValue<double>()), Is.All.EqualTo(4.0), "half 5s, half 3s");

        // The method bank shows the peer-review badge.
        var badge = await Eventually.WaitForAsync(() => coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{first.ModelId}"), m => m!["peerReviewedAt"] is not null);
        Assert.That(badge!["peerReviewedAt"], Is.Not.Null);

        // The best (the "A" models) go to an expert round with an outside expert.
        var expertRound = await setup.RoundAsync("expert", k: 1, maximum: 20, showNames: true);
        var notReviewed = await setup.ModelSentToReviewAsync(network, projects[0], "Arvioimaton malli");
        Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{expertRound}/submissions", new { modelId = notReviewed })).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "experts take peer-reviewed models only");
        var best = submissions.Where(s => s.Title.Fi.EndsWith('A')).ToList();
        foreach (var s in best)
        {
            Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{expertRound}/submissions", new { modelId = s.ModelId })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var expertEmail = await app.CreateUserAsync(Roles.Reviewer);
        Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{expertRound}/reviewers", new { name = "Eeva Asiantuntija", email = expertEmail, language = "sv" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/rounds/{expertRound}/assign", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await app.MailAsync()).Count(m => m.To.ToString().Contains(expertEmail, StringComparison.Ordinal)), Is.EqualTo(2), "a sign-in invitation and the assignment notice");
        Assert.That((await app.MailAsync()).Where(m => m.To.ToString().Contains(expertEmail, StringComparison.Ordinal)).Select(m => m.Subject), Has.One.StartsWith("Att granska:"), "in the expert's language");
        var expert = await app.ApiClientForAsync(expertEmail, CoordinationApp.Password);
        var expertAssignments = await expert.GetFromJsonAsync<JsonArray>("/api/v1/peer-review/my/assignments");
        Assert.That(expertAssignments!.Count, Is.EqualTo(10));
        foreach (var a in expertAssignments)
        {
            Assert.That((await expert.PutAsJsonAsync($"/api/v1/peer-review/assignments/{a!["id"]}/review", new { scores = Scores(4), strengths = "Vaikuttava", suggestions = "Julkaise laajemmin", submit = true })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var expertSubmission = await setup.InPeerReviewAsync(db => db.Submissions.Where(s => s.RoundId == expertRound).Select(s => new { s.Id, s.ModelId }).FirstAsync());
        await coordinator.PutAsJsonAsync($"/api/v1/peer-review/submissions/{expertSubmission.Id}/feedback", new { feedback = "Asiantuntijoiden palaute" });
        Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/submissions/{expertSubmission.Id}/release", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var expertOwner = models[expertSubmission.ModelId];
        var expertFeedback = await expertOwner.Manager.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/submissions/{expertSubmission.Id}/feedback");
        Assert.That(expertFeedback!["reviews"]!.AsArray().Single()!["reviewer"]!.GetValue<string>(), Is.EqualTo("Eeva Asiantuntija"), "names shown by this round's setting");
        var expertBadge = await Eventually.WaitForAsync(() => coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{expertSubmission.ModelId}"), m => m!["expertReviewedAt"] is not null);
        Assert.That(expertBadge!["expertReviewedAt"], Is.Not.Null);
        var page = await app.CreateClient().GetStringAsync($"/method-bank/{expertSubmission.ModelId}");
        Assert.That(page, Does.Contain("Vertaisarvioitu").And.Contain("Asiantuntija-arvioitu"), "both badges on the public model page");
    }
}
