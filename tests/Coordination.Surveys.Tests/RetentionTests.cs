using System.Net;
using Coordination.Shared.Jobs;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Surveys.Tests;

/// <summary>The daily retention job on a clock the test moves: a survey's invitations (the
/// addresses, and with them every personal link) are deleted N days after it closes
/// (Coordination:Retention:SurveyInvitationsDays); answers stay; each run is audited with its
/// count; the privacy notice states N.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RetentionTests(Provider provider)
{
    [Test]
    public async Task Invitations_are_deleted_N_days_after_the_survey_closes_and_each_run_is_audited()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(SurveysSetup.NoPublicRateLimit) { ["Coordination:Retention:SurveyInvitationsDays"] = "45" };
        await using var app = new CoordinationApp(database, settings, clock);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await SurveysSetup.NetworkAsync(app, coordinator);
        var closing = await SurveysSetup.SurveyAsync(coordinator, network, [SurveysSetup.Likert("a", "Väite")], opensAt: clock.GetUtcNow().AddMinutes(-5), closesAt: clock.GetUtcNow().AddDays(1), anonymous: false);
        var running = await SurveysSetup.SurveyAsync(coordinator, network, [SurveysSetup.Likert("a", "Väite")], opensAt: clock.GetUtcNow().AddMinutes(-5), closesAt: clock.GetUtcNow().AddDays(300));
        await SurveysSetup.InviteAsync(coordinator, closing, ("vastaaja@example.fi", null), ("hiljainen@example.fi", null));
        await SurveysSetup.RunMailJobAsync(app);
        var token = SurveysSetup.TokenFor(app, "vastaaja@example.fi");
        await SurveysSetup.InviteAsync(coordinator, running, ("vastaaja@example.fi", null));
        await SurveysSetup.RunMailJobAsync(app);
        Assert.That((await SurveysSetup.AnswerAsync(app.CreateClient(), SurveysSetup.TokenFor(app, "hiljainen@example.fi"), new { a = 4 })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await app.CreateClient().GetStringAsync("/privacy"), Does.Contain("45 päivän kuluttua kyselyn päättymisestä"), "the notice states the period");

        clock.Advance(TimeSpan.FromDays(40)); // closed 39 days ago
        await RunAsync(app);
        Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.Invitations.CountAsync(i => i.SurveyId == closing)), Is.EqualTo(2), "not before 45 days");

        clock.Advance(TimeSpan.FromDays(10));
        await RunAsync(app);
        Assert.Multiple(async () =>
        {
            Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.Invitations.CountAsync(i => i.SurveyId == closing)), Is.Zero, "addresses gone");
            Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.Invitations.CountAsync(i => i.SurveyId == running)), Is.EqualTo(1), "an open survey keeps its invitations");
            Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.Responses.CountAsync(r => r.SurveyId == closing && r.Status == Data.ResponseStatus.Submitted)), Is.EqualTo(1), "answers stay");
            Assert.That((await app.CreateClient().GetAsync($"/api/v1/surveys/responses/{token}")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "the personal link leads nowhere");
        });

        var audit = await SurveysSetup.InSurveysAsync(app, db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "Retention").OrderBy(a => a.At).ToListAsync());
        Assert.That(audit.Select(a => (a.EntityType, a.Summary!.Split(' ')[0])), Is.EqualTo(new[] { ("Invitation", "0"), ("Invitation", "2") }), "every run is audited with its count");
    }

    private static async Task RunAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("surveys:retention", CancellationToken.None);
    }
}
