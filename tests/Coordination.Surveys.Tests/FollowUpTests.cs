using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.StartFollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Surveys.Tests;

/// <summary>Issue 19: a project with three published models ends; on a clock the test moves,
/// nothing goes out before 12 months, at 12 months one follow-up per model goes to the
/// project's manager and each partner's contact, three organisations' answers reach the model
/// card (through ModelFollowedUp) with their counts, a restart sends nothing twice, the second
/// wave goes at 24 months; a model of another project and a skip without a reason are refused.
/// And: overlapping runs of the job (two instances on PostgreSQL) send a long-ended project's
/// 12-month wave once, and its 24-month wave a year later, not at once.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class FollowUpTests(Provider provider)
{
    [Test]
    public async Task Three_models_are_followed_up_at_12_and_24_months_once_each_and_the_answers_reach_the_cards()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider);
        var app = new CoordinationApp(database, SurveysSetup.NoPublicRateLimit, clock);
        try
        {
            var coordinator = await app.ApiClientAsync(Roles.Coordinator);
            var network = await SurveysSetup.NetworkAsync(app, coordinator);
            var ended = HelsinkiTime.Today(clock).AddDays(-1);
            var project = await EndedProjectAsync(app, coordinator, network, "SEU", ended);
            var models = new List<Guid>();
            foreach (var name in new[] { "Malli A", "Malli B", "Malli C" })
            {
                models.Add(await PublishedModelAsync(coordinator, network, project.Id, name));
            }

            var other = await EndedProjectAsync(app, coordinator, network, "MUU", HelsinkiTime.Today(clock).AddYears(5));
            var othersModel = await PublishedModelAsync(coordinator, network, other.Id, "Toisen hankkeen malli");
            await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.Models.CountAsync(m => m.Published)), n => n >= 4);

            await RunAsync(app, "membership:membership-end-projects");
            var waves = await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.FollowUpWaves.AsNoTracking().Where(w => w.ProjectId == project.Id).ToListAsync()), w => w.Count >= 6);
            Assert.That(waves.Select(w => (w.ModelId, w.Months, w.DueOn)), Is.EquivalentTo(models.SelectMany(m => new[] { (m, 12, ended.AddMonths(12)), (m, 24, ended.AddMonths(24)) })));

            await RunAsync(app, "surveys:followups");
            Assert.That(await FollowUpMailsAsync(app), Is.Empty, "nothing at once");
            MoveTo(clock, ended.AddMonths(12).AddDays(-1));
            await RunAsync(app, "surveys:followups");
            Assert.That(await FollowUpMailsAsync(app), Is.Empty, "nothing before 12 months");

            MoveTo(clock, ended.AddMonths(12));
            await RunAsync(app, "surveys:followups");
            var mails = await FollowUpMailsAsync(app);
            Assert.That(mails.Select(m => (m.ToAddress, Model: m.Subject)), Is.EquivalentTo(
                from title in new[] { "Malli A", "Malli B", "Malli C" }
                from person in project.People
                select (person, $"Seuranta: onko {title} yhä käytössä?")), "one follow-up per model to the manager and each partner's contact");

            // A restart between the runs sends nothing twice.
            await app.DisposeAsync();
            app = new CoordinationApp(database, SurveysSetup.NoPublicRateLimit, clock);
            await RunAsync(app, "surveys:followups");
            Assert.That(await FollowUpMailsAsync(app), Has.Count.EqualTo(9));

            // Three organisations answer on model A: in use at the lead, partly at one partner,
            // no longer at the other.
            var client = app.CreateClient();
            var tokens = mails.Where(m => m.Subject.Contains("Malli A", StringComparison.Ordinal)).ToDictionary(m => m.ToAddress, m => Link().Match(m.TextBody).Groups[1].Value);
            await AnswerAsync(client, tokens[project.People[0]], models[0], "inUse", [project.Organisations[0]], ["strategy", "annualPlan"], spreadCount: 2, spreadNames: "Naapuriopisto, Kesäyliopisto");
            await AnswerAsync(client, tokens[project.People[1]], models[0], "partly", [project.Organisations[1]], ["curriculum"]);
            await AnswerAsync(client, tokens[project.People[2]], models[0], "noLonger", [], [], hinders: "Rahoitus loppui");
            var card = await Eventually.WaitForAsync(
                async () => (await client.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{models[0]}"))!["followUp"],
                f => f is not null && f["organisationsInUse"]!.GetValue<int>() == 2);
            Assert.Multiple(() =>
            {
                Assert.That(card!["organisations"]!.GetValue<int>(), Is.EqualTo(3));
                Assert.That(card["months"]!.GetValue<int>(), Is.EqualTo(12));
                Assert.That(card["stillInUse"]!.GetValue<bool>(), Is.True);
            });
            var page = await client.GetStringAsync($"/method-bank/{models[0]}");
            var month = HelsinkiTime.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("M/yyyy", CultureInfo.InvariantCulture);
            Assert.That(page, Does.Contain($"Käytössä 2/3 organisaatiossa 12 kk hankkeen päättymisen jälkeen (seuranta {month})").And.Contain("Yhä käytössä"));
            var inUse = (await client.GetFromJsonAsync<JsonObject>("/api/v1/dissemination/models?inUse=true"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>());
            Assert.That(inUse, Is.EquivalentTo(new[] { models[0] }), "the method bank's filter");

            // Model B: every organisation says no longer; the card keeps the fact and the reason.
            var tokensB = mails.Where(m => m.Subject.Contains("Malli B", StringComparison.Ordinal)).ToDictionary(m => m.ToAddress, m => Link().Match(m.TextBody).Groups[1].Value);
            await AnswerAsync(client, tokensB[project.People[0]], models[1], "noLonger", [], [], hinders: "Henkilöstö vaihtui");
            await Eventually.WaitForAsync(async () => (await client.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{models[1]}"))!["followUp"], f => f is not null);
            Assert.That(await client.GetStringAsync($"/method-bank/{models[1]}"), Does.Contain("Ei enää käytössä 12 kk hankkeen päättymisen jälkeen").And.Contain("Henkilöstö vaihtui"));

            // Bad input: a model of another project; a skip without a reason.
            var wrong = await client.PostAsJsonAsync("/api/v1/followups/answers", new { token = tokens[project.People[0]], modelId = othersModel, use = "inUse" });
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["modelId"], Is.Not.Null);
            coordinator = await app.ApiClientAsync(Roles.Coordinator);
            var listed = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/followups?projectId={project.Id}"))!["items"]!.AsArray();
            Assert.That(listed.Select(w => (w!["months"]!.GetValue<int>(), w["status"]!.GetValue<string>())), Is.EquivalentTo(new[] { (12, "finished"), (12, "running"), (12, "running"), (24, "planned"), (24, "planned"), (24, "planned") }));
            var skipC = listed.Single(w => w!["months"]!.GetValue<int>() == 24 && w["modelId"]!.GetValue<Guid>() == models[2])!["id"]!.GetValue<Guid>();
            var noReason = await coordinator.PostAsJsonAsync($"/api/v1/followups/{skipC}/skip", new { reason = " " });
            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await noReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["reason"], Is.Not.Null);
            Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/followups/{skipC}/skip", new { reason = "Malli yhdistettiin malliin A" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.AuditEntries.AnyAsync(a => a.Action == "SkipFollowUp" && a.EntityId == skipC.ToString() && a.Summary == "Malli yhdistettiin malliin A")), Is.True, "audited");

            // 24 months: the second wave of A and B (C was skipped); those who did not answer the
            // first were reminded once in between.
            MoveTo(clock, ended.AddMonths(24));
            await RunAsync(app, "surveys:followups");
            await RunAsync(app, "surveys:followups");
            mails = await FollowUpMailsAsync(app);
            Assert.That(mails, Has.Count.EqualTo(15));
            Assert.That(mails.Skip(9).Select(m => m.Subject).Distinct(), Is.EquivalentTo(new[] { "Seuranta: onko Malli A yhä käytössä?", "Seuranta: onko Malli B yhä käytössä?" }));
            var reminders = await SurveysSetup.InSurveysAsync(app, db => db.MailQueue.AsNoTracking().Where(m => m.Key.StartsWith("surveys:followup-reminder:")).Select(m => m.ToAddress + " " + m.Subject).ToListAsync());
            Assert.That(reminders, Has.Count.EqualTo(5), "model B's two silent organisations and all three of C, once each");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task Overlapping_runs_send_a_long_ended_projects_first_wave_once_and_the_second_a_year_later()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instances = SeveralInstances.Start(database, SurveysSetup.NoPublicRateLimit);
        var app = instances.First;
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await SurveysSetup.NetworkAsync(app, coordinator);
        var today = DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow));
        var ended = today.AddMonths(-13);
        var project = await EndedProjectAsync(app, coordinator, network, "VAN", ended);
        var models = new[] { await PublishedModelAsync(coordinator, network, project.Id, "Vanha malli 1"), await PublishedModelAsync(coordinator, network, project.Id, "Vanha malli 2") };
        await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.Models.CountAsync(m => m.Published)), n => n >= 2);
        await RunAsync(app, "membership:membership-end-projects");
        var waves = await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.FollowUpWaves.AsNoTracking().ToListAsync()), w => w.Count >= 4);
        Assert.That(waves.Select(w => (w.Months, w.DueOn)).Distinct(), Is.EquivalentTo(new[] { (12, today), (24, today.AddMonths(12)) }), "the overdue wave at the next run, the next a year after it");

        await instances.RunAtOnceAsync<StartFollowUpsJob>();
        await instances.RunAtOnceAsync<StartFollowUpsJob>();
        var mails = await FollowUpMailsAsync(app);
        Assert.That(mails.Select(m => m.ToAddress + " " + m.Subject), Is.EquivalentTo(
            from title in new[] { "Vanha malli 1", "Vanha malli 2" } from person in project.People select $"{person} Seuranta: onko {title} yhä käytössä?"));
        Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.FollowUpRecipients.CountAsync()), Is.EqualTo(6));
    }

    [Test]
    public async Task A_coordinator_sends_a_running_wave_to_another_person_of_the_organisation_from_the_page()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, SurveysSetup.NoPublicRateLimit);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await SurveysSetup.NetworkAsync(app, coordinator);
        var project = await EndedProjectAsync(app, coordinator, network, "LÄH", DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow)).AddMonths(-13));
        await PublishedModelAsync(coordinator, network, project.Id, "Lähtijän malli");
        await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.Models.CountAsync(m => m.Published && m.ProjectId == project.Id)), n => n == 1);
        await RunAsync(app, "membership:membership-end-projects");
        await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.FollowUpWaves.CountAsync(w => w.ProjectId == project.Id)), n => n == 2);
        await RunAsync(app, "surveys:followups");
        var wave = await SurveysSetup.InSurveysAsync(app, db => db.FollowUpWaves.AsNoTracking().SingleAsync(w => w.ProjectId == project.Id && w.Months == 12));

        var browser = await app.BrowserClientAsync(Roles.Coordinator);
        var listPage = $"/followups?projectId={project.Id}";
        var page = await browser.GetStringAsync(listPage);
        Assert.That(page, Does.Contain($"action=\"/followups/waves/{wave.Id}/recipients\"").And.Contain($"value=\"{project.Organisations[1]}\""), "a running wave offers another recipient among the project's organisations");

        var action = $"/followups/waves/{wave.Id}/recipients";
        var bad = await browser.PostFormAsync(listPage, action, new() { ["projectId"] = project.Id.ToString(), ["name"] = "", ["email"] = "ei-osoite", ["organisationId"] = Guid.NewGuid().ToString(), ["language"] = "sv" });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("Anna sähköpostiosoite").And.Contain("Anna nimi"));
        var successor = $"seuraaja-{Guid.NewGuid():N}@example.fi";
        var sent = await browser.PostFormAsync(listPage, action, new() { ["projectId"] = project.Id.ToString(), ["name"] = "Seuraaja Sanna", ["email"] = successor, ["organisationId"] = project.Organisations[1].ToString(), ["language"] = "sv" });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await sent.Content.ReadAsStringAsync());
        Assert.That(await browser.GetStringAsync(sent.Headers.Location!.OriginalString), Does.Contain("Seuranta lähetettiin uudelle vastaanottajalle."));

        var mails = await FollowUpMailsAsync(app);
        Assert.That(mails.Count(m => m.ToAddress == successor), Is.EqualTo(1), "the successor gets the follow-up, once");
        Assert.That(mails.Single(m => m.ToAddress == successor).Subject, Does.Not.StartWith("Seuranta:"), "in the language chosen for them");
        Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.AuditEntries.AnyAsync(a => a.Action == "AddFollowUpRecipient" && a.EntityId == wave.Id.ToString())), Is.True, "audited");
    }

    /// <summary>ProjectDeleted (issue 24): the deleted project's waves not yet sent go; the sent
    /// wave stays with its recipients, and its model no longer names the project.</summary>
    [Test]
    public async Task A_deleted_projects_planned_waves_go_and_the_sent_wave_stays()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, SurveysSetup.NoPublicRateLimit);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await SurveysSetup.NetworkAsync(app, coordinator);
        var project = await EndedProjectAsync(app, coordinator, network, "POI", DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow)).AddMonths(-13));
        var model = await PublishedModelAsync(coordinator, network, project.Id, "Poistuvan hankkeen malli");
        await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.Models.CountAsync(m => m.Published && m.ProjectId == project.Id)), n => n == 1);
        await RunAsync(app, "membership:membership-end-projects");
        await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.FollowUpWaves.CountAsync(w => w.ProjectId == project.Id)), n => n == 2);
        await RunAsync(app, "surveys:followups");
        Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.FollowUpWaves.CountAsync(w => w.ProjectId == project.Id && w.Status == FollowUpStatus.Sent)), Is.EqualTo(1));

        Assert.That((await coordinator.DeleteAsync($"/api/v1/membership/projects/{project.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var waves = await Eventually.WaitForAsync(
            () => SurveysSetup.InSurveysAsync(app, db => db.FollowUpWaves.AsNoTracking().Where(w => w.ProjectId == project.Id).Select(w => w.Status).ToListAsync()),
            statuses => statuses.Count == 1);
        Assert.That(waves, Is.EqualTo(new[] { FollowUpStatus.Sent }), "the 24-month wave is not asked; the 12-month one stays");
        Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.FollowUpRecipients.CountAsync()), Is.EqualTo(3), "its recipients stay");
        Assert.That(await SurveysSetup.InSurveysAsync(app, db => db.Models.AnyAsync(m => m.ModelId == model && m.ProjectId == null)), Is.True);
    }

    internal sealed record EndedProject(Guid Id, List<Guid> Organisations, List<string> People);

    /// <summary>A project of three organisations (lead, two partners) that ends on
    /// <paramref name="endDate"/>, with a manager at the lead and a contact at each partner.</summary>
    internal static async Task<EndedProject> EndedProjectAsync(CoordinationApp app, HttpClient coordinator, Guid network, string acronym, DateOnly endDate)
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var organisations = new List<Guid>();
        foreach (var name in new[] { "Opisto", "Kumppani 1", "Kumppani 2" })
        {
            organisations.Add(await SurveysSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"{name} {acronym} {stamp}", type = "educationProvider", language = "fi" })));
        }

        var response = await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = "OPH-19/2024", leadOrganisationId = organisations[0], partnerOrganisationIds = organisations.Skip(1),
            startDate = endDate.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endDate = endDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), grantedAmount = 100000m, ownFinancing = 30000m,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        var id = (body!["id"] ?? body["projectId"])!.GetValue<Guid>();
        var people = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"{(i == 0 ? "paallikko" : $"yhteys{i}")}-{acronym.ToLowerInvariant()}-{stamp}@example.fi";
            await SurveysSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new
            {
                name = $"Henkilö {i} {acronym}", email, language = "fi", organisationId = organisations[i], roles = new[] { new { role = i == 0 ? "projectManager" : "contact", projectId = id } },
            }));
            people.Add(email);
        }

        await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.People.CountAsync(p => people.Contains(p.Email))), n => n == 3);
        await Eventually.WaitForAsync(() => SurveysSetup.InSurveysAsync(app, db => db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == id)), p => p?.Organisations.Count == 3);
        return new EndedProject(id, organisations, people);
    }

    internal static async Task<Guid> PublishedModelAsync(HttpClient coordinator, Guid network, Guid project, string title)
    {
        var model = await SurveysSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/models", new
        {
            networkId = network, projectId = project, title = new { fi = title, sv = $"{title} (sv)" }, summary = new { fi = $"Tiivistelmä: {title}" },
            challenge = new { fi = "Haaste" }, method = new { fi = "Menetelmä" }, result = new { fi = "Tulos" },
        }));
        var published = await coordinator.PostAsync($"/api/v1/dissemination/models/{model}/publish", null);
        Assert.That(published.IsSuccessStatusCode, Is.True, await published.Content.ReadAsStringAsync());
        return model;
    }

    private static async Task AnswerAsync(HttpClient client, string token, Guid model, string use, Guid[] inUseAt, string[] rootedIn, int? spreadCount = null, string? spreadNames = null, string? hinders = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/followups/answers", new { token, modelId = model, use, inUseAt, rootedIn, spreadCount, spreadNames, changed = "Käytännöt vakiintuivat", helps = "Johdon tuki", hinders });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    internal static Task<List<Coordination.Shared.Email.Queue.QueuedMail>> FollowUpMailsAsync(CoordinationApp app)
        => SurveysSetup.InSurveysAsync(app, db => db.MailQueue.AsNoTracking().Where(m => m.Key.StartsWith("surveys:followup:")).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    internal static async Task RunAsync(CoordinationApp app, string job)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync(job, CancellationToken.None);
    }

    /// <summary>Moves the clock to noon (Helsinki) of <paramref name="day"/>.</summary>
    private static void MoveTo(ManualClock clock, DateOnly day)
    {
        var target = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), HelsinkiTime.Zone);
        clock.Advance(new DateTimeOffset(target, TimeSpan.Zero) - clock.GetUtcNow());
    }

    [GeneratedRegex(@"/f/([A-Za-z0-9_-]+)")]
    internal static partial Regex Link();
}
