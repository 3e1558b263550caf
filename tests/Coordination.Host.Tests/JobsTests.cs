using System.Net;
using System.Net.Http.Json;
using Coordination.Membership.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Messaging;
using Coordination.Shared.Security;
using Coordination.Shared.Modules;
using Hangfire;
using Hangfire.Storage;

namespace Coordination.Host.Tests;

/// <summary>Recurring jobs registered through the module contract, run by id; the dashboard.
/// Runs a Hangfire server in this process, whose logging and activator are process-wide: alone.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
[NonParallelizable]
public sealed class JobsTests(Provider provider) : AppFixture(provider)
{

    [Test]
    public void Every_moduleDatabase_has_its_recurring_purge_job_in_Helsinki_time()
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        Assert.That(jobs.Select(j => j.Id), Is.SupersetOf(new[] { "membership:purge-messages", "events:purge-messages", "monitoring:purge-messages" }));
        Assert.That(jobs.Select(j => j.TimeZoneId).Distinct(), Is.EqualTo(new[] { "Europe/Helsinki" }));
    }

    [Test]
    public async Task Coordinators_see_the_jobs_in_their_language_and_Helsinki_time_and_start_one_now_audited()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var jobs = (await coordinator.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/v1/admin/jobs"))!;
        var purge = jobs.Single(j => j!["id"]!.GetValue<string>() == "membership:purge-messages")!;
        Assert.That(purge["name"]!.GetValue<string>(), Is.EqualTo("Käsiteltyjen moduuliviestien siivous"));
        Assert.That(purge["area"]!.GetValue<string>(), Is.EqualTo("Verkosto ja jäsenet"));
        Assert.That(jobs.Select(j => j!["id"]!.GetValue<string>()), Is.EquivalentTo(App.Services.GetRequiredService<ModuleCatalog>().Jobs.Select(j => j.Id)), "every registered job, nothing else");
        Assert.That(jobs.Where(j => j!["name"]!.GetValue<string>() == j["id"]!.GetValue<string>()).Select(j => j!["id"]!.GetValue<string>()), Is.Empty, "every job has a name");

        var run = await coordinator.PostAsync($"/api/v1/admin/jobs/{Uri.EscapeDataString("membership:purge-messages")}/run", null);
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await coordinator.PostAsync("/api/v1/admin/jobs/ei-ole/run", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await member.PostAsync($"/api/v1/admin/jobs/{Uri.EscapeDataString("membership:purge-messages")}/run", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<Coordination.Host.Identity.IdentityDb>().Set<Coordination.Shared.Data.AuditEntry>()
                .Where(a => a.Action == "RunJob" && a.EntityId == "membership:purge-messages").ToListAsync();
            Assert.That(audit, Has.Count.EqualTo(1), "run by a coordinator once; the member's attempt is not a run");
        }

        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        var page = await browser.GetStringAsync("/admin/jobs?culture=sv");
        Assert.That(page, Does.Contain("Schemalagda jobb").And.Contain("Rensning av behandlade modulmeddelanden").And.Contain("Starta nu"));
        Assert.That(page, Does.Not.Contain(" AM").And.Not.Contain(" PM"), "Finnish-style times");
    }

    [Test]
    public async Task The_purge_job_removes_old_delivered_messages_and_keeps_the_rest()
    {
        var old = DateTime.UtcNow.AddDays(-40);
        var recent = DateTime.UtcNow.AddDays(-1);
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            db.OutboxMessages.AddRange(
                new OutboxMessage { Id = ids[0], Type = "T", Payload = "{}", OccurredAt = old, NextAttemptAt = old, ProcessedAt = old },
                new OutboxMessage { Id = ids[1], Type = "T", Payload = "{}", OccurredAt = old, NextAttemptAt = old, ParkedAt = old },
                new OutboxMessage { Id = ids[2], Type = "T", Payload = "{}", OccurredAt = recent, NextAttemptAt = recent, ProcessedAt = recent });
            await db.SaveChangesAsync();
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("membership:purge-messages", CancellationToken.None);
        }

        await using var check = App.Services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<MembershipDbContext>().OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync();
        Assert.That(left, Is.EquivalentTo(new[] { ids[1], ids[2] }));
    }

    [TestCase(false, TestName = "The Hangfire server runs a module job when triggered")]
    [TestCase(true, TestName = "A module job asked to run now runs under its registered id")]
    public async Task The_Hangfire_server_runs_a_module_job(bool runNow)
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Jobs:Enabled"] = "true" });
        _ = app.Server;
        var old = DateTime.UtcNow.AddDays(-40);
        var id = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            db.OutboxMessages.Add(new OutboxMessage { Id = id, Type = "T", Payload = "{}", OccurredAt = old, NextAttemptAt = old, ProcessedAt = old });
            await db.SaveChangesAsync();
        }

        if (runNow)
        {
            app.Services.GetRequiredService<IBackgroundJobClient>().RunNow<PurgeDeliveredMessagesJob<MembershipDbContext>>(app.Services.GetRequiredService<ModuleCatalog>());
        }
        else
        {
            app.Services.GetRequiredService<IRecurringJobManager>().Trigger("membership:purge-messages");
        }

        var left = await Eventually.WaitForAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().OutboxMessages.CountAsync(m => m.Id == id);
            },
            n => n == 0,
            TimeSpan.FromSeconds(40));
        Assert.That(left, Is.Zero, "Hangfire ran the job through RecurringJobRunner");
    }

    [Test]
    public async Task The_dashboard_is_for_coordinators()
    {
        var coordinator = await App.BrowserClientAsync(Roles.Coordinator);
        var response = await coordinator.GetAsync("/jobs");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Coordination – jobs"));
        var member = await App.BrowserClientAsync(Roles.Member);
        Assert.That((await member.GetAsync("/jobs")).Headers.Location!.AbsolutePath, Is.EqualTo("/account/access-denied"));
    }
}
