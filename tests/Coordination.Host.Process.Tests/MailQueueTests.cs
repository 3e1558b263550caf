using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Events.Data;
using Coordination.Membership.Data;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>Issue 23: every e-mail goes through the mail queue of the database whose change
/// caused it, and a real SMTP server that refuses (421) for a while, refuses one address for good
/// (550) and is restarted around changes no request and loses no mail.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MailQueueTests(Provider provider)
{
    private const string Rejected = "ei-ole@example.fi";

    private static Dictionary<string, string?> Settings(SmtpServer smtp, string? maxLag = null)
    {
        var settings = SeveralInstances.Smtp(smtp);
        settings["Coordination:Mail:RetryBaseDelay"] = "00:00:00.200";
        settings["Coordination:Mail:RetryMaxDelay"] = "00:00:01";
        settings["Coordination:Mail:PollInterval"] = "00:00:00.200";
        // A message in flight when an instance stops waits for its lease (the server may have
        // taken it): a minute here, so the restart test need not wait the default five.
        settings["Coordination:Mail:ClaimLease"] = "00:01:00";
        // Retries come every second at most here; an outage that lasts a few minutes on a busy
        // machine must not use up the tries meant for hours.
        settings["Coordination:Mail:MaxAttempts"] = "10000";
        settings["Coordination:RateLimits:PublicFormsPerMinute"] = "100000";
        if (maxLag is not null)
        {
            settings["Coordination:Health:MaxLag"] = maxLag;
        }

        return settings;
    }

    [Test]
    [CancelAfter(600_000)]
    public async Task During_an_outage_every_request_answers_and_every_mail_arrives_once_after_it_also_across_a_restart()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        smtp.Refuse(true);
        smtp.Reject(Rejected);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        string coordinatorEmail;
        await using (var app = new CoordinationApp(database, Settings(smtp)))
        {
            coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator);
            var coordinator = await app.ApiClientForAsync(coordinatorEmail, CoordinationApp.Password);
            var guest = app.CreateClient();

            // An event with 298 registrations made earlier and two made now: 300 to tell.
            var eventId = await EventWithRegistrationsAsync(app, coordinator, 298, stamp);
            foreach (var registrant in new[] { $"ilmo1-{stamp}@example.fi", $"ilmo2-{stamp}@example.fi" })
            {
                var registered = await guest.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { name = "Ilmoittautuja", email = registrant });
                Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
            }

            // A subscription, the same address asking again, and one the server refuses for good.
            foreach (var address in new[] { $"tilaaja-{stamp}@example.fi", $"tilaaja-{stamp}@example.fi", Rejected })
            {
                var subscribed = await guest.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email = address, language = "fi" });
                Assert.That(subscribed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await subscribed.Content.ReadAsStringAsync());
            }

            // An invitation to a sign-in, and a password reset.
            var person = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Kutsuttu Henkilö", email = $"kutsuttu-{stamp}@example.fi", language = "fi", roles = Array.Empty<object>() }));
            Assert.That((await coordinator.PostAsync($"/api/v1/membership/people/{person}/invitation", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            var browser = app.CreateBrowserClient();
            var reset = await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["email"] = coordinatorEmail });
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            var cancelled = await coordinator.PostAsync($"/api/v1/events/{eventId}/cancel", null);
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

            // All 307 are queued (the notices by Events' own handler after the cancel). The server
            // answered 421 to what was tried: the sender stops at the first refusal of a batch and
            // puts the rest back untried, so it does not hammer a server that is away; each
            // database's queue has been tried at least once, and it is all still waiting.
            var tried = await Eventually.WaitForAsync(() => QueueAsync(app), rows => rows.Count == 307 && rows.Count(r => r.LastError != null) >= 3 && rows.Where(r => r.ToAddress.StartsWith("osallistuja", StringComparison.Ordinal)).Any(r => r.LastError != null), TimeSpan.FromSeconds(120));
            Assert.That(tried.Where(r => r.LastError != null).Select(r => r.LastError), Is.All.StartWith("421"));
            Assert.That(tried.Select(r => r.Status), Is.All.EqualTo(MailStatus.Waiting));
            Assert.That(smtp.Count(), Is.Zero);
        }

        // The first instance is gone with everything in its queues; the next one sends it all
        // when the server is back.
        await using var restarted = new CoordinationApp(database, Settings(smtp));
        _ = restarted.Server;
        await Task.Delay(1000);
        smtp.Refuse(false);
        // Mail only: rows the stopped instance had claimed in its outbox wait out their lease.
        await restarted.DrainMailAsync(TimeSpan.FromSeconds(180), includeOutbox: false);
        await Task.Delay(1000); // a repeat would arrive now

        var received = smtp.Messages().Select(m => (To: m.To.Mailboxes.Single().Address, m.Subject, m.MessageId)).ToList();
        var byKind = received.GroupBy(m => Kind(m.Subject ?? "")).ToDictionary(g => g.Key, g => g.ToList());
        TestContext.Out.WriteLine(string.Join(", ", byKind.Select(k => $"{k.Key}: {k.Value.Count}")));
        var queue = await QueueAsync(restarted);
        Assert.Multiple(() =>
        {
            Assert.That(received.Select(m => m.MessageId), Is.Unique, "no message twice");
            Assert.That(byKind["cancelled"].Select(m => m.To).ToList(), Is.Unique.And.Count.EqualTo(300), "the cancellation told each of the 300 once");
            Assert.That(byKind["registered"].Select(m => m.To), Is.EquivalentTo(new[] { $"ilmo1-{stamp}@example.fi", $"ilmo2-{stamp}@example.fi" }));
            Assert.That(byKind["subscription"].Select(m => m.To), Is.EquivalentTo(new[] { $"tilaaja-{stamp}@example.fi", $"tilaaja-{stamp}@example.fi" }), "asked twice, told twice");
            Assert.That(byKind["invitation"].Select(m => m.To), Is.EquivalentTo(new[] { $"kutsuttu-{stamp}@example.fi" }));
            Assert.That(byKind["reset"].Select(m => m.To), Is.EquivalentTo(new[] { coordinatorEmail }));
            Assert.That(received, Has.Count.EqualTo(306));
            Assert.That(received.Select(m => m.To), Has.None.EqualTo(Rejected));
            var failed = queue.Where(r => r.Status == MailStatus.Failed).ToList();
            Assert.That(failed.Select(r => r.ToAddress), Is.EqualTo(new[] { Rejected }), "only the refused address's mail is parked");
            Assert.That(failed.Single().LastError, Does.StartWith("550"), "with the server's answer");
            Assert.That(queue.Count(r => r.Status == MailStatus.Sent), Is.EqualTo(306));
        });
    }

    [Test]
    public async Task A_failed_mail_is_shown_to_coordinators_and_a_retry_sends_it_and_is_audited()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        smtp.Reject(Rejected);
        await using var app = new CoordinationApp(database, Settings(smtp));
        var guest = app.CreateClient();
        Assert.That((await guest.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email = Rejected, language = "fi" })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await guest.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email = "hyvaksytty@example.fi", language = "sv" })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await app.DrainMailAsync();

        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var list = (await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/admin/mail?status=failed"))!;
        var item = list["items"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(item["to"]!.GetValue<string>(), Is.EqualTo(Rejected));
            Assert.That(item["module"]!.GetValue<string>(), Is.EqualTo("Dissemination"));
            Assert.That(item["lastError"]!.GetValue<string>(), Does.StartWith("550"));
            Assert.That(list["counts"]!["failed"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(list["counts"]!["sent"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1));
        });
        var sent = (await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/admin/mail?status=sent&to=hyvaksytty"))!["items"]!.AsArray();
        Assert.That(sent.Select(i => i!["to"]!.GetValue<string>()), Is.EqualTo(new[] { "hyvaksytty@example.fi" }), "per recipient");
        Assert.That((await coordinator.GetAsync("/api/v1/admin/mail?status=lost")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var browser = await app.BrowserClientAsync(Roles.Coordinator);
        var page = await browser.GetStringAsync("/admin/mail?status=failed");
        Assert.That(page, Does.Contain(Rejected).And.Contain("550").And.Contain($"/admin/mail/Dissemination/{item["id"]}/retry"));
        Assert.That((await browser.GetAsync("/admin/mail?status=lost")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        // The address is fixed on the server's side; the coordinator sends the mail again.
        smtp.Reject();
        var fromPage = await browser.PostFormAsync("/admin/mail?status=failed", $"/admin/mail/Dissemination/{item["id"]}/retry", []);
        Assert.That(fromPage.Headers.Location!.OriginalString, Is.EqualTo("/admin/mail?status=failed&retried=true"));
        var arrived = await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages().Count(m => m.To.Mailboxes.Single().Address == Rejected)), n => n > 0);
        Assert.That(arrived, Is.EqualTo(1));
        Assert.That((await coordinator.PostAsync($"/api/v1/admin/mail/Dissemination/{item["id"]}/retry", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "sent now, no longer failed");
        Assert.That((await coordinator.PostAsync($"/api/v1/admin/mail/Nowhere/{Guid.NewGuid()}/retry", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<DisseminationDbContext>().AuditEntries.SingleAsync(a => a.Action == "RetryMail");
        Assert.That(audit.EntityId, Is.EqualTo(item["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task Health_turns_degraded_while_mail_waits_too_long_and_healthy_when_it_has_gone()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        smtp.Refuse(true);
        await using var app = new CoordinationApp(database, Settings(smtp, maxLag: "00:00:01"));
        var client = app.CreateClient();
        Assert.That(await client.GetStringAsync("/health/ready"), Is.EqualTo("Healthy"));
        Assert.That((await client.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email = "odottava@example.fi", language = "fi" })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        // /health/ready answers 200 with its state: a degraded site still serves.
        Assert.That(await Eventually.WaitForAsync(() => client.GetStringAsync("/health/ready"), state => state == "Degraded"), Is.EqualTo("Degraded"));

        smtp.Refuse(false);
        await app.DrainMailAsync();
        Assert.That(await client.GetStringAsync("/health/ready"), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Sent_and_failed_mail_is_purged_after_the_retention_period_and_waiting_mail_is_kept()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Mail:Enabled"] = "false", ["Coordination:Mail:Retention"] = "30.00:00:00" });
        _ = app.Server;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var old = DateTime.UtcNow.AddDays(-31);
            foreach (var (key, status, at) in new[] { ("old-sent", MailStatus.Sent, old), ("old-failed", MailStatus.Failed, old), ("old-waiting", MailStatus.Waiting, old), ("new-sent", MailStatus.Sent, DateTime.UtcNow) })
            {
                db.QueueMail(new EmailMessage($"{key}@example.fi", null, "Aihe", "Runko"), key, at).Status = status;
            }

            await db.SaveChangesAsync();
            await ActivatorUtilities.CreateInstance<PurgeMailJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        await using var check = app.Services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<MembershipDbContext>().MailQueue.Select(m => m.Key).ToListAsync();
        Assert.That(left, Is.EquivalentTo(new[] { "old-waiting", "new-sent" }));
    }

    [Test]
    public async Task Two_instances_send_a_queue_of_500_each_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instances = SeveralInstances.Start(database, Settings(smtp));
        await using (var scope = instances.First.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            for (var i = 0; i < 500; i++)
            {
                db.QueueMail(new EmailMessage($"jono{i:D3}@example.fi", null, "Jonossa", "Runko"), $"test:{i}", DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        await instances.First.DrainMailAsync(TimeSpan.FromSeconds(180));
        await Task.Delay(1500);
        var received = smtp.Messages().Select(m => m.To.Mailboxes.Single().Address).ToList();
        await using var check = instances.First.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<MembershipDbContext>().MailQueue.AsNoTracking().ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(500));
            Assert.That(received, Is.Unique);
            Assert.That(rows.Select(r => r.Attempts), Is.All.EqualTo(1), "each claimed and tried once");
            Assert.That(rows.Select(r => r.Status), Is.All.EqualTo(MailStatus.Sent));
        });
    }

    /// <summary>What a message is, from its (Finnish) subject.</summary>
    private static string Kind(string subject)
        => subject.StartsWith("Peruttu", StringComparison.Ordinal) ? "cancelled"
            : subject.StartsWith("Ilmoittautuminen vahvistettu", StringComparison.Ordinal) ? "registered"
            : subject.Contains("uutiskirje", StringComparison.OrdinalIgnoreCase) ? "subscription"
            : subject.Contains("salasana", StringComparison.OrdinalIgnoreCase) ? "reset"
            : subject.Contains("Kutsu", StringComparison.OrdinalIgnoreCase) ? "invitation"
            : subject;

    private static async Task<List<QueuedMail>> QueueAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var all = new List<QueuedMail>();
        foreach (var type in scope.ServiceProvider.GetRequiredService<Coordination.Shared.Modules.ModuleCatalog>().MailDatabases.Select(d => d.ContextType))
        {
            all.AddRange(await ((DbContext)scope.ServiceProvider.GetRequiredService(type)).Set<QueuedMail>().AsNoTracking().ToListAsync());
        }

        return all;
    }

    private static async Task<Guid> EventWithRegistrationsAsync(CoordinationApp app, HttpClient coordinator, int registrations, string stamp)
    {
        var network = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Postiverkosto {stamp}" } }));
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EventsDbContext>().Networks.AnyAsync(n => n.NetworkId == network);
        }, known => known);
        var start = DateTimeOffset.UtcNow.AddDays(10);
        string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var eventId = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = network, type = "webinar", title = new { fi = "Peruttava webinaari" }, startsAt = Time(start), endsAt = Time(start.AddHours(2)), audience = "public",
        }));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        db.Registrations.AddRange(Enumerable.Range(0, registrations).Select(i => new Registration
        {
            Id = Guid.CreateVersion7(), EventId = eventId, Name = $"Osallistuja {i}", Email = $"osallistuja{i:D3}-{stamp}@example.fi", Status = RegistrationStatus.Registered,
            Number = i, CreatedAt = DateTime.UtcNow, CancelTokenHash = $"{i:D3}{stamp}".PadRight(64, '0'),
        }));
        await db.SaveChangesAsync();
        return eventId;
    }

    private static Task<Guid> IdOfAsync(HttpResponseMessage response)
        => ApiSetup.IdOfAsync(response);
}
