using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Coordination.PeerReview.Features.RemindReviewers;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.PeerReview.Tests;

/// <summary>Mails of PeerReview link to the site's public address, also when a job sends them
/// (no request) and in development, where that address is http://localhost:5000 by default.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MailLinkTests(Provider provider)
{
    [Test]
    public async Task Assignment_notices_and_reminders_carry_absolute_links()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["environment"] = "Development", ["Coordination:PublicBaseUrl"] = "" });
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var setup = new PeerReviewSetup(app, coordinator);
        var network = await setup.NetworkAsync();
        var closes = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var round = await setup.RoundAsync("peer", k: 1, maximum: 5, closesAt: closes);
        var project = await setup.ProjectAsync(network, "LNK");
        await setup.ModelSentToReviewAsync(network, project, "Linkkimalli");
        var expert = $"asiantuntija-{Guid.NewGuid():N}@example.fi";
        var added = await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{round}/reviewers", new { name = "Ulkopuolinen Arvioija", email = expert, language = "fi" });
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
        Assert.That((await coordinator.PostAsync($"/api/v1/peer-review/rounds/{round}/assign", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ReviewRemindersJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        var mails = app.PickedUpMail().Where(m => m.To.Mailboxes.Single().Address == expert).Select(m => m.TextBody ?? "").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mails, Has.Some.Contains("http://localhost:5000/account/reset-password?"), "the invitation");
            Assert.That(mails, Has.Some.Match(@"http://localhost:5000/peer-review(\s|$)"), "the assignment notice");
            Assert.That(mails, Has.Some.Contains("http://localhost:5000/peer-review/assignments/"), "the reminder");
            Assert.That(mails.SelectMany(m => m.Split([' ', '\n', '\r', '(', ')', '<', '>'])).Where(w => w.StartsWith("/peer-review", StringComparison.Ordinal)), Is.Empty, "no relative link");
        });
    }
}
