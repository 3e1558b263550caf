using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Shared.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Tests;

/// <summary>Issue 22 as an operator runs it: two host processes on one PostgreSQL database, a
/// real SMTP server, 1,000 confirmed subscribers. "Send now" posted four times at once (twice to
/// each instance) and four more runs of the send job queued on top still give each subscriber
/// the issue once; killing the instance that sends mid-way and starting it again still gives
/// each subscriber the issue, with at most the one message in flight repeated.</summary>
[TestFixture]
[Category("Postgres")]
public sealed class NewsletterOverlapTests
{
    private const int Recipients = 1000;
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(5);

    [Test]
    [CancelAfter(600_000)]
    public async Task Four_concurrent_send_nows_over_two_instances_deliver_each_of_1000_once()
    {
        const string subject = "Neljästi lähetetty uutiskirje";
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        var (email, issue) = await NewsletterSetup.IssueWithSubscribersAsync(database, Recipients, subject);
        var settings = NewsletterSetup.FastSending(ClaimTimeout, messagesPerSecond: 500);
        await using var first = HostProcess.Start(database, smtp, settings: settings);
        await using var second = HostProcess.Start(database, smtp, settings: settings);
        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());
        await Task.WhenAll(first.SignInAsync(email, CoordinationApp.Password), second.SignInAsync(email, CoordinationApp.Password));

        var answers = await Task.WhenAll(new[] { first, first, second, second }.Select(host => host.Client.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)));
        // And runs of the job on top, as overlapping ticks of two instances would start them.
        var jobs = new BackgroundJobClient(HangfireStorage(database));
        for (var i = 0; i < 4; i++)
        {
            jobs.Enqueue<RecurringJobRunner>(r => r.RunAsync("dissemination:newsletter-send", CancellationToken.None));
        }

        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<JsonObject>()));
        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Accepted));
        Assert.That(bodies.Count(b => !b!["alreadyQueued"]!.GetValue<bool>()), Is.EqualTo(1), "one post started the send; three were told it already was");

        // What is measured is exactly-once, not speed: with the suite, a profiler and other work
        // beside it (load average 40-58), 705 of the 1,000 had arrived after two minutes.
        await Eventually.WaitForAsync(() => Task.FromResult(smtp.Count()), n => n >= Recipients, TimeSpan.FromSeconds(360));
        await Task.Delay(3000); // a duplicate would arrive now
        var received = smtp.Messages().Where(m => m.Subject == subject).Select(m => m.To.Mailboxes.Single().Address).ToList();
        TestContext.Out.WriteLine($"{received.Count} messages for {Recipients} subscribers; runs that sent: {first.Output().Count(l => l.Contains("Sending newsletter issue"))} on the first instance, {second.Output().Count(l => l.Contains("Sending newsletter issue"))} on the second.");
        Assert.That(received, Has.Count.EqualTo(Recipients));
        Assert.That(received, Is.Unique);

        await using var check = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Outbox:Enabled"] = "false" });
        var log = await DisseminationSetup.InDisseminationAsync(check, db => db.Deliveries.Where(d => d.IssueId == issue).Select(d => new { d.Status, d.Attempts }).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(log, Has.Count.EqualTo(Recipients));
            Assert.That(log.Select(d => d.Status).Distinct(), Is.EqualTo(new[] { DeliveryStatus.Sent }));
            Assert.That(log.Select(d => d.Attempts).Distinct(), Is.EqualTo(new[] { 1 }), "each delivery claimed once: the log would show a second claim");
        });
    }

    [Test]
    [CancelAfter(600_000)]
    public async Task Killing_the_sending_instance_of_two_and_restarting_it_finishes_with_at_most_one_repeat()
    {
        const string subject = "Kesken kaatunut uutiskirje";
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        var (email, issue) = await NewsletterSetup.IssueWithSubscribersAsync(database, Recipients, subject);
        var settings = NewsletterSetup.FastSending(ClaimTimeout, messagesPerSecond: 150);
        var hosts = new[] { HostProcess.Start(database, smtp, settings: settings), HostProcess.Start(database, smtp, settings: settings) };
        try
        {
            await Task.WhenAll(hosts.Select(h => h.WaitUntilReadyAsync()));
            await hosts[0].SignInAsync(email, CoordinationApp.Password);
            Assert.That((await hosts[0].Client.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            await Eventually.WaitForAsync(() => Task.FromResult(smtp.Count()), n => n >= 200, TimeSpan.FromSeconds(90));
            var sending = Array.FindIndex(hosts, h => h.Output().Any(l => l.Contains("Sending newsletter issue")));
            Assert.That(sending, Is.Not.Negative, "one instance says it sends");
            var port = hosts[sending].Port;
            hosts[sending].Kill();
            var atKill = smtp.Count();
            Assert.That(atKill, Is.InRange(1, Recipients - 1), "killed part-way");

            await hosts[sending].DisposeAsync();
            hosts[sending] = HostProcess.Start(database, smtp, port, settings);
            await hosts[sending].WaitUntilReadyAsync();
            var clock = Stopwatch.StartNew();
            await Eventually.WaitForAsync(() => Task.FromResult(smtp.Count()), n => n > atKill + 1, TimeSpan.FromSeconds(90));
            var resumedIn = clock.Elapsed;
            await Eventually.WaitForAsync(() => Task.FromResult(smtp.Count()), n => n >= Recipients, TimeSpan.FromSeconds(360));
            var finishedIn = clock.Elapsed;
            await Task.Delay(3000);

            var received = smtp.Messages().Where(m => m.Subject == subject).Select(m => m.To.Mailboxes.Single().Address).ToList();
            TestContext.Out.WriteLine($"{atKill} messages before the kill; {received.Count} in all; sending resumed {resumedIn.TotalSeconds:0.0} s and finished {finishedIn.TotalSeconds:0.0} s after the restarted instance was ready.");
            Assert.Multiple(() =>
            {
                Assert.That(received.Distinct().Count(), Is.EqualTo(Recipients), "each subscriber at least once");
                Assert.That(received.Count - Recipients, Is.LessThanOrEqualTo(1), "at most one repeat in all");
                Assert.That(resumedIn, Is.LessThan(ClaimTimeout + TimeSpan.FromSeconds(10)), "resumed when the claims ran out, not at a later tick");
            });
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>The instances' Hangfire storage, for queueing extra runs from the test.</summary>
    private static PostgreSqlStorage HangfireStorage(TestDatabase database)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString!, options), options);
    }
}
