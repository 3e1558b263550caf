using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Contracts;
using Coordination.Events.Contracts;
using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Health;
using Coordination.Shared.Messaging;
using Coordination.Shared.Security;
using Coordination.Surveys.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Monitoring.Tests;

/// <summary>Network health against the read model: a network whose ten marks are all in order
/// has each mark in turn broken and mended, its status and evidence checked each time through
/// the API. The facts arrive as the other modules' contract events, through the outbox and the
/// real handlers (the publishing side is Membership's, tested there); time moves on a manual clock.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HealthTests(Provider provider)
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private TestDatabase _database = null!;
    private CoordinationApp _app = null!;
    private HttpClient _coordinator = null!;
    private int _tick;

    private readonly Guid _network = Guid.CreateVersion7();
    private readonly Guid _project = Guid.CreateVersion7();
    private readonly Guid _lead = Guid.CreateVersion7();
    private readonly Guid _partner = Guid.CreateVersion7();
    private readonly Guid _leadLetter = Guid.CreateVersion7();
    private readonly Guid _partnerLetter = Guid.CreateVersion7();
    private readonly Guid _leadBoss = Guid.CreateVersion7();
    private readonly Guid _partnerBoss = Guid.CreateVersion7();
    private readonly Guid _coordinatorPerson = Guid.CreateVersion7();
    private readonly Guid _group = Guid.CreateVersion7();
    private readonly Guid _goal = Guid.CreateVersion7();
    private readonly Guid _survey = Guid.CreateVersion7();
    private DateOnly _start;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _app = new CoordinationApp(_database, null, _clock);
        _coordinator = await _app.ApiClientAsync(Roles.Coordinator);
        await HealthyNetworkAsync();
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Each_mark_in_turn_is_broken_and_mended()
    {
        var health = await HealthAsync();
        Assert.That(health["marks"]!.AsArray().Select(m => m!["key"]!.GetValue<string>()), Is.EqualTo(MarkKeys.All), "exactly the ten marks, in order");
        await AllOkAsync("the healthy network");

        // 1. Rules: a new version that only the lead accepted.
        var rules2 = Guid.CreateVersion7();
        await PublishAsync(new NetworkRulesChanged(_network, rules2, 2, Now, [new(_lead, Today)], At()));
        await ExpectAsync(MarkKeys.Rules, MarkStatus.Attention, "rulesNotAccepted", $"/membership/organisations/{_partner}");
        await PublishAsync(new NetworkRulesChanged(_network, rules2, 2, Now, [new(_lead, Today), new(_partner, Today)], At()));
        await ExpectOkAsync(MarkKeys.Rules, "rulesAccepted");

        // 2. Commitment: the partner's letter signed after the project started.
        await LetterAsync(_partnerLetter, _partner, 2, _start.AddDays(10), _partnerBoss);
        await ExpectAsync(MarkKeys.Commitment, MarkStatus.Attention, "letterLate", $"/membership/projects/{_project}/letters/{_partner}");
        await LetterAsync(_partnerLetter, _partner, 2, _start.AddDays(-30), _partnerBoss);
        await ExpectOkAsync(MarkKeys.Commitment, "letterInTime");

        // 3. Tasks: a letter without tasks.
        await LetterAsync(_partnerLetter, _partner, 0, _start.AddDays(-30), _partnerBoss);
        await ExpectAsync(MarkKeys.Tasks, MarkStatus.Attention, "letterNoTasks", $"/membership/projects/{_project}/letters/{_partner}");
        await LetterAsync(_partnerLetter, _partner, 3, _start.AddDays(-30), _partnerBoss);
        await ExpectOkAsync(MarkKeys.Tasks, "letterTasks");

        // 4. Leadership: signed by someone who is not in the organisation's leadership.
        await LetterAsync(_partnerLetter, _partner, 3, _start.AddDays(-30), null);
        await ExpectAsync(MarkKeys.Leadership, MarkStatus.Attention, "signedNotByLeadership", $"/membership/projects/{_project}/letters/{_partner}");
        await LetterAsync(_partnerLetter, _partner, 3, _start.AddDays(-30), _partnerBoss);
        await ExpectOkAsync(MarkKeys.Leadership, "signedByLeadership");

        // 5. Coordination: a working group's coordinator past the rotation interval.
        await PublishAsync(new WorkingGroupCoordinatorChanged(_group, _network, "Työelämäsolu", _leadBoss, Now.AddMonths(-13), At()));
        await ExpectAsync(MarkKeys.Coordination, MarkStatus.Attention, "groupRotationDue", $"/membership/groups/{_group}");
        await PublishAsync(new WorkingGroupCoordinatorChanged(_group, _network, "Työelämäsolu", _partnerBoss, Now, At()));
        await ExpectOkAsync(MarkKeys.Coordination, "groupCoordinator");

        // 7. Goals: a network goal created eight months ago and never reviewed.
        var old = Guid.CreateVersion7();
        await PublishAsync(new GoalSaved(old, _network, null, "Verkoston yhteinen tavoite", Now.AddMonths(-8), null, At()));
        await ExpectAsync(MarkKeys.Goals, MarkStatus.Attention, "goalNotReviewed", $"/membership/goals/{old}");
        await PublishAsync(new GoalSaved(old, _network, null, "Verkoston yhteinen tavoite", Now.AddMonths(-8), Now, At()));
        await ExpectOkAsync(MarkKeys.Goals, "goalReviewed");

        // 10. Motivation: a new partner that has attended nothing is named.
        var silent = Guid.CreateVersion7();
        await ProjectAsync(extra: silent);
        await ExpectAsync(MarkKeys.Motivation, MarkStatus.Attention, "silentPartner", $"/membership/organisations/{silent}");
        await MeetingAsync(Now.AddDays(-1), [_lead, _partner, silent], type: "webinar");
        await ExpectOkAsync(MarkKeys.Motivation, "attended");
        await ProjectAsync(extra: null);

        // 6. Meetings: a month passes without a network meeting.
        _clock.Advance(TimeSpan.FromDays(32));
        _coordinator = await _app.ApiClientAsync(Roles.Coordinator); // the sign-in's token has expired meanwhile
        await ExpectAsync(MarkKeys.Meetings, MarkStatus.Attention, "noMeeting", "/events?past=true");
        foreach (var month in HealthCalculator.LastMonths(Now, 3))
        {
            var health2 = await HealthAsync();
            if (!Mark(health2, MarkKeys.Meetings)["evidence"]!.AsArray().Any(e => e!["kind"]!.GetValue<string>() == "meeting" && e["detail"]!.GetValue<string>().StartsWith($"{month / 100}-{month % 100:00}", StringComparison.Ordinal)))
            {
                await MeetingAsync(new DateTime(month / 100, month % 100, 12, 10, 0, 0, DateTimeKind.Utc), [_lead, _partner]);
            }
        }

        await ExpectOkAsync(MarkKeys.Meetings, "meeting");

        // 8. Trust: the network wants a survey every month; the last one is older.
        await SettingsAsync(trustMonths: 1);
        await ExpectAsync(MarkKeys.Trust, MarkStatus.Missing, "surveyOld", $"/surveys/{_survey}/results");
        await SettingsAsync(trustMonths: 12);
        await ExpectOkAsync(MarkKeys.Trust, "statement");

        // 9. Knowledge: the network wants something shared every month; a post mends it.
        await SettingsAsync(knowledgeMonths: 1);
        await ExpectAsync(MarkKeys.Knowledge, MarkStatus.Missing, "projectSilent", $"/membership/projects/{_project}");
        var post = Guid.CreateVersion7();
        await PublishAsync(new PostPublished(post, "blog", _project, "Mitä opimme", null, Now));
        await ExpectOkAsync(MarkKeys.Knowledge, "post");
        await SettingsAsync(knowledgeMonths: 6);

        await AllOkAsync("every mark mended");
    }

    [Test]
    public async Task Thresholds_are_checked_audited_and_only_coordinators_set_them()
    {
        var bad = await _coordinator.PutAsJsonAsync($"/api/v1/monitoring/networks/{_network}/health/settings", new { activityWeeks = 0, rotationMonths = 12, goalMonths = 6, trustMonths = 12, knowledgeMonths = 6, motivationMonths = 6 });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "activityWeeks" }));

        var funder = await _app.ApiClientAsync(Roles.Funder);
        var refused = await funder.PutAsJsonAsync($"/api/v1/monitoring/networks/{_network}/health/settings", new { activityWeeks = 4, rotationMonths = 12, goalMonths = 6, trustMonths = 12, knowledgeMonths = 6, motivationMonths = 6 });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        await SettingsAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        Assert.That(await db.AuditEntries.CountAsync(a => a.Action == "SaveHealthSettings" && a.EntityId == _network.ToString()), Is.GreaterThan(0));
    }

    [Test]
    public async Task A_funder_reads_the_evidence_in_their_language_linked_only_to_what_they_may_open()
    {
        var email = await _app.CreateUserAsync(Roles.Funder);
        await PublishAsync(new PersonRegistered(Guid.CreateVersion7(), "Rahoittajan Tarkkailija", email, null, "sv", [new("funderObserver", null, _network)], At()));
        var funder = _app.CreateBrowserClient();
        var signIn = await funder.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = email, ["password"] = CoordinationApp.Password });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var page = await funder.GetStringAsync($"/monitoring/networks/{_network}/health?culture=sv&ui-culture=sv");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Handledarmodellen"), "the model's Swedish title on the Swedish page");
            Assert.That(page, Does.Not.Contain("Työpaikkaohjaajan malli"));
            Assert.That(page, Does.Contain($"href=\"/surveys/{_survey}/results\""), "survey results are the funder's to read");
            Assert.That(page, Does.Not.Contain("href=\"/membership/"), "the directory and letters are not: named, not linked");
            Assert.That(page, Does.Contain("Saariston yhdistys"), "the organisation is still named");
        });

        var staff = await (await _app.BrowserClientAsync(Roles.Coordinator)).GetStringAsync($"/monitoring/networks/{_network}/health");
        Assert.That(staff, Does.Contain($"href=\"/membership/projects/{_project}/letters/{_partner}\""), "a coordinator opens the letter");
    }

    [Test]
    public async Task The_month_end_snapshot_is_kept_once_and_shown_as_the_trend()
    {
        await Api.RunJobAsync(_app, "health-snapshots");
        await Api.RunJobAsync(_app, "health-snapshots");
        var month = HealthCalculator.LastMonths(Now, 1)[0];
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var kept = await db.HealthSnapshots.Where(s => s.NetworkId == _network && s.ProjectId == Guid.Empty).ToListAsync();
        Assert.That(kept.Select(k => (k.Month, k.Key)), Is.EquivalentTo(MarkKeys.All.Select(k => (month, k))), "ten marks for the month that ended, once");
        Assert.That(await db.HealthSnapshots.CountAsync(s => s.NetworkId == _network && s.ProjectId == _project), Is.EqualTo(10), "and the project's ten");

        var page = await (await _app.BrowserClientAsync(Roles.Coordinator)).GetStringAsync($"/monitoring/networks/{_network}/health");
        Assert.That(page, Does.Contain("data-table=\"health-trend\""));
        Assert.That(page, Does.Contain("id=\"health-chart-desc\""), "the trend as a chart too");
        Assert.That(page, Does.Contain("10/10"), "the chart's description counts the marks in order");
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A distinct, increasing time for each state, so the newest state wins.</summary>
    private DateTime At() => Now.AddMilliseconds(++_tick);

    private async Task HealthyNetworkAsync()
    {
        _start = new DateOnly(Now.Year, Now.Month, 1).AddMonths(-3);
        await PublishAsync(new NetworkCreated(_network, "Terve verkosto", "Friskt nätverk", null, Now.AddYears(-1)));
        await ProjectAsync(extra: null);
        await PublishAsync(new PersonRegistered(_coordinatorPerson, "Koordinaattori Kaisa", "kaisa@example.fi", _lead, "fi", [new("coordinator", null, _network)], At()));
        await PublishAsync(new PersonRegistered(_leadBoss, "Rehtori Raili", "raili@example.fi", _lead, "fi", [new("leadership", _project, null)], At()));
        await PublishAsync(new PersonRegistered(_partnerBoss, "Johtaja Jussi", "jussi@example.fi", _partner, "fi", [new("leadership", _project, null)], At()));
        await PublishAsync(new NetworkRulesChanged(_network, Guid.CreateVersion7(), 1, Now.AddMonths(-4), [new(_lead, Today), new(_partner, Today)], At()));
        await LetterAsync(_leadLetter, _lead, 2, _start.AddDays(-30), _leadBoss);
        await LetterAsync(_partnerLetter, _partner, 2, _start.AddDays(-30), _partnerBoss);
        await PublishAsync(new WorkingGroupCoordinatorChanged(_group, _network, "Työelämäsolu", _leadBoss, Now.AddDays(-60), At()));
        await PublishAsync(new GoalSaved(_goal, null, _project, "Opiskelijat oppivat työpaikoilla", Now.AddMonths(-3), Now.AddDays(-10), At()));
        foreach (var month in HealthCalculator.LastMonths(Now, 3))
        {
            await MeetingAsync(new DateTime(month / 100, month % 100, 10, 10, 0, 0, DateTimeKind.Utc), [_lead, _partner]);
        }

        await PublishAsync(new SurveyClosed(_survey, _network, "Verkostokysely", "networkFeedback", null, false, 10, 8, Now.AddDays(-34), Now.AddDays(-20),
            [new SurveyQuestionSummary("trust", "likert", "Verkostossa voi puhua avoimesti", 8, 4.1, 0.6, 0, new Dictionary<string, int> { ["4"] = 7, ["5"] = 1 })]));
        await PublishAsync(new ModelPublished(Guid.CreateVersion7(), _network, _project, "Työpaikkaohjaajan malli", "Handledarmodellen", null, "Tiivistelmä", [], 1, Now.AddDays(-20)));
    }

    private Task ProjectAsync(Guid? extra)
    {
        List<ProjectOrganisation> organisations = [new(_lead, "Aurinkolahden opisto", null, true), new(_partner, "Saariston yhdistys", null, false)];
        if (extra is { } id)
        {
            organisations.Add(new(id, "Hiljainen yritys", null, false));
        }

        return PublishAsync(new ProjectUpdated(_project, _network, "Työssä oppien", "TO", _start, _start.AddYears(2), organisations, At()));
    }

    private Task LetterAsync(Guid letter, Guid organisation, int tasks, DateOnly signedOn, Guid? signer)
        => PublishAsync(new CommitmentLetterSaved(letter, _project, organisation, tasks, "Allekirjoittaja", signedOn, signer, At()));

    private Task MeetingAsync(DateTime startsAt, Guid[] organisations, string type = "networkMeeting")
        => PublishAsync(new EventHeld(Guid.CreateVersion7(), _network, type, $"Tapaaminen {startsAt:yyyy-MM-dd}", startsAt, startsAt.AddHours(2),
            [.. organisations.Select((o, i) => new Attendee($"osallistuja{i}-{o:N}@example.fi", $"Osallistuja {i}", null, null, o, [_project]))], organisations.Length, organisations.Length, startsAt.AddHours(3)));

    private async Task SettingsAsync(int trustMonths = 12, int knowledgeMonths = 6)
        => await Api.OkAsync(await _coordinator.PutAsJsonAsync($"/api/v1/monitoring/networks/{_network}/health/settings",
            new { activityWeeks = 8, rotationMonths = 12, goalMonths = 6, trustMonths, knowledgeMonths, motivationMonths = 6 }));

    private async Task PublishAsync<T>(T integrationEvent)
        where T : class, IIntegrationEvent
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            db.Publish(integrationEvent, Now);
            await db.SaveChangesAsync();
        }

        await Api.DrainedAsync(_app);
    }

    private async Task<JsonObject> HealthAsync()
    {
        var response = await _coordinator.GetAsync($"/api/v1/monitoring/networks/{_network}/health");
        await Api.OkAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Mark(JsonObject health, string key) => health["marks"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == key)!.AsObject();

    private async Task ExpectAsync(string key, string status, string evidenceKind, string href)
    {
        var mark = Mark(await HealthAsync(), key);
        Assert.Multiple(() =>
        {
            Assert.That(mark["status"]!.GetValue<string>(), Is.EqualTo(status), $"{key} broken: {mark.ToJsonString()}");
            Assert.That(mark["evidence"]!.AsArray().Any(e => e!["kind"]!.GetValue<string>() == evidenceKind && e["href"]!.GetValue<string>() == href && !e["ok"]!.GetValue<bool>()),
                Is.True, $"{key}: evidence {evidenceKind} → {href}: {mark.ToJsonString()}");
            Assert.That(mark["next"]?.GetValue<string>(), Is.Not.Null, $"{key}: a next step");
        });
    }

    private async Task ExpectOkAsync(string key, string evidenceKind)
    {
        var mark = Mark(await HealthAsync(), key);
        Assert.Multiple(() =>
        {
            Assert.That(mark["status"]!.GetValue<string>(), Is.EqualTo(MarkStatus.Ok), $"{key} mended: {mark.ToJsonString()}");
            Assert.That(mark["evidence"]!.AsArray().Any(e => e!["kind"]!.GetValue<string>() == evidenceKind && e["ok"]!.GetValue<bool>()), Is.True, $"{key}: evidence {evidenceKind}");
            Assert.That(mark["evidence"]!.AsArray().All(e => e!["ok"]!.GetValue<bool>()), Is.True, $"{key}: nothing against it");
        });
    }

    private async Task AllOkAsync(string when)
    {
        var health = await HealthAsync();
        var notOk = health["marks"]!.AsArray().Where(m => m!["status"]!.GetValue<string>() != MarkStatus.Ok).Select(m => m!.ToJsonString()).ToList();
        Assert.That(notOk, Is.Empty, when);
    }
}
