using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination.Tests;

/// <summary>The acceptance test of issue 6: a send of 2,000 issues to a real SMTP server on
/// loopback, the real host process killed (SIGKILL) part-way, the host started again, and every
/// subscriber has the issue exactly once. After the restart nothing is triggered by hand: the
/// every-minute <c>newsletter-send</c> job takes the claims the dead process left.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class NewsletterCrashTests(Provider provider)
{
    private const int Recipients = 2000;
    private const string Subject = "Kaatumisen kestävä uutiskirje";

    [Test]
    [CancelAfter(240_000)]
    public async Task Killing_the_host_part_way_through_2000_messages_still_delivers_each_exactly_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        string email;
        Guid issue;
        await using (var app = new CoordinationApp(database))
        {
            email = await app.CreateUserAsync(Roles.Coordinator);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            db.Subscribers.AddRange(Enumerable.Range(0, Recipients).Select(i => new Subscriber
            {
                Id = Guid.CreateVersion7(), Email = $"r{i:D4}-{stamp}@example.fi", Language = i % 4 == 0 ? "sv" : "fi", Status = SubscriberStatus.Confirmed,
                CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
            var coordinator = await app.ApiClientForAsync(email, CoordinationApp.Password);
            issue = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = Subject, sv = Subject } }));
        }

        var port = HostProcess.FreePort();
        var first = StartHost(database, smtp, port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await first.WaitUntilReadyAsync(client);
            var token = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = CoordinationApp.Password });
            token.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
            Assert.That((await client.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            await Eventually.WaitForAsync(() => Task.FromResult(smtp.Count()), n => n >= 300, TimeSpan.FromSeconds(90));
        }
        finally
        {
            first.Kill();
        }

        var atKill = smtp.Count();
        Assert.That(atKill, Is.InRange(1, Recipients - 1), "the process was killed part-way through the send");

        var second = StartHost(database, smtp, port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await second.WaitUntilReadyAsync(client);
            await Eventually.WaitForAsync(() => Task.FromResult(smtp.Count()), n => n >= Recipients, TimeSpan.FromSeconds(180));
            await Task.Delay(2000); // anything sent twice would arrive now
        }
        finally
        {
            second.Kill();
        }

        var received = smtp.Messages().Where(m => m.Subject == Subject).Select(m => (To: m.To.Mailboxes.Single().Address, m.MessageId)).ToList();
        var distinct = received.Distinct().ToList();
        TestContext.Out.WriteLine($"{atKill} messages before the kill; {received.Count} received in all, {distinct.Count} distinct.");
        Assert.Multiple(() =>
        {
            Assert.That(distinct.Select(d => d.To).Distinct().Count(), Is.EqualTo(Recipients), "every subscriber got the issue");
            Assert.That(distinct, Has.Count.EqualTo(Recipients), "one Message-ID per subscriber");
            // SMTP has no two-phase commit: a message the server accepted in the instant before the
            // kill, before the log said so, is sent again, with the same Message-ID.
            Assert.That(received.Count - distinct.Count, Is.LessThanOrEqualTo(1), "at most the one message in flight at the kill repeats");
        });

        await using var check = new CoordinationApp(database);
        var log = await DisseminationSetup.InDisseminationAsync(check, db => db.Deliveries.Where(d => d.IssueId == issue).GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.That(log.Single().Key, Is.EqualTo(DeliveryStatus.Sent));
        Assert.That(log.Single().Count, Is.EqualTo(Recipients));
        Assert.That(await DisseminationSetup.InDisseminationAsync(check, db => db.Issues.Where(i => i.Id == issue).Select(i => i.Status).SingleAsync()), Is.EqualTo(IssueStatus.Sent));
    }

    /// <summary>The host with Hangfire on, sending to <paramref name="smtp"/>.</summary>
    private static HostProcess StartHost(TestDatabase database, SmtpServer smtp, int port)
        => HostProcess.Start(database, port, new Dictionary<string, string?>
        {
            ["Coordination__Jobs__Enabled"] = "true",
            ["Coordination__Email__SmtpHost"] = "127.0.0.1",
            ["Coordination__Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Coordination__Email__SmtpSecurity"] = "None",
            ["Coordination__Email__FromAddress"] = "uutiskirje@example.fi",
            ["Coordination__PublicBaseUrl"] = "https://koordinaatio.example.fi",
            ["Coordination__Newsletter__MessagesPerSecond"] = "400",
            ["Coordination__Newsletter__ClaimTimeout"] = "00:00:05",
        });
}
