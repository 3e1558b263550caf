using System.Net;
using System.Net.Http.Json;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Tests;

/// <summary>The audit trail names reviewers by id, so an erased reviewer's name cannot come back
/// through it (issue 25); an entry written with a name before that loses it at erasure.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReviewerAuditTests(Provider provider)
{
    [Test]
    public async Task Reviewers_are_audited_by_id_and_an_erased_reviewers_name_leaves_the_audit_trail()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var setup = new PeerReviewSetup(app, coordinator);
        var round = await setup.RoundAsync();
        var expert = await PeerReviewSetup.IdOfAsync(await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/reviewers", new { name = "Eeva Asiantuntija", email = $"eeva-{Guid.NewGuid():N}@example.fi", language = "fi" }));
        var person = await PeerReviewSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Raili Arvioija", email = $"raili-{Guid.NewGuid():N}@example.fi", language = "fi", roles = Array.Empty<object>() }));
        Assert.That(await Eventually.WaitForAsync(() => setup.InPeerReviewAsync(db => db.People.AnyAsync(p => p.PersonId == person)), k => k), Is.True);
        var reviewer = await PeerReviewSetup.IdOfAsync(await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/reviewers", new { personId = person }));
        await setup.InPeerReviewAsync(db =>
        {
            // As the version before this one wrote it.
            db.Audit(null, "AddReviewer", "Round", round.ToString(), "Raili Arvioija", DateTime.UtcNow);
            return db.SaveChangesAsync();
        });

        var summaries = await setup.InPeerReviewAsync(db => db.AuditEntries.Where(a => a.Action == "AddReviewer").Select(a => a.Summary).ToListAsync());
        Assert.That(summaries, Is.SupersetOf(new[] { expert.ToString(), reviewer.ToString() }));
        Assert.That(summaries, Does.Not.Contain("Eeva Asiantuntija"));

        Assert.That((await coordinator.DeleteAsync($"/api/v1/membership/people/{person}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Eventually.WaitForAsync(() => setup.InPeerReviewAsync(db => db.Reviewers.Where(r => r.Id == reviewer).Select(r => r.Name).SingleAsync()), n => n == "–");
        var after = await setup.InPeerReviewAsync(db => db.AuditEntries.Select(a => a.Summary).ToListAsync());
        Assert.That(after, Does.Not.Contain("Raili Arvioija"));
    }
}
