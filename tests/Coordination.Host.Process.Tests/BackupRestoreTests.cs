using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Events.Data;
using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Monitoring.Data;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Coordination.Surveys.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>
/// The acceptance test of issue 25, on SQLite (PostgreSQL is backed up with pg_dump; see
/// <see cref="BackupCommandOnPostgresTests"/>): the real host process takes registrations, survey
/// answers and new networks without pause and sends a newsletter while the `backup` command runs
/// beside it; the site is then lost (SIGKILL), the backup restored into a new data folder with
/// `restore`, and the site started there.
/// </summary>
public sealed class BackupRestoreTests
{
    private const int Subscribers = 300;
    private const string Subject = "Varmuuskopioitu uutiskirje";

    private static readonly Dictionary<string, string?> Quiet = new() { ["Coordination:Outbox:Enabled"] = "false" };

    [Test]
    [CancelAfter(300_000)]
    public async Task A_backup_taken_while_the_site_writes_restores_into_a_new_folder_and_the_site_starts_on_it()
    {
        await using var original = await TestDatabase.CreateAsync(Provider.Sqlite);
        var setup = await SetUpAsync(original);

        await using var smtp = await SmtpServer.StartAsync();
        var port = HostProcess.FreePort();
        var site = HostProcess.Start(original, port, SiteSettings(smtp, messagesPerSecond: 20));
        var backup = Path.Combine(Path.GetTempPath(), "coordination-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var writes = new Writes();
        string oldToken;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await site.WaitUntilReadyAsync(client);
            oldToken = await TokenAsync(client);
            using var coordinator = new HttpClient { BaseAddress = client.BaseAddress };
            coordinator.DefaultRequestHeaders.Authorization = new("Bearer", oldToken);

            using var stop = new CancellationTokenSource();
            var writers = new[]
            {
                WriteAsync(i => client.PostAsJsonAsync($"/api/v1/events/{setup.EventId}/registrations", new { name = "Vieras", email = $"r{i}@example.fi" }), i => $"r{i}@example.fi", writes.Registrations, stop.Token),
                WriteAsync(i => client.PostAsJsonAsync($"/api/v1/surveys/open/{setup.Slug}/responses", new { answers = new { t = $"vastaus {i}" } }), i => $"vastaus {i}", writes.Answers, stop.Token),
                WriteAsync(async i =>
                {
                    var response = await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Verkosto {i}" } });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        writes.NetworkIds[i] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
                    }

                    return response;
                }, i => $"{i}", writes.Networks, stop.Token),
            };
            Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{setup.IssueId}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            // Each registration mails a confirmation too (queued, so it may lag behind under load): the newsletter is counted by its subject.
            await Eventually.WaitForAsync(() => Task.FromResult(smtp.Messages().Count(m => m.Subject == Subject)), n => n >= 20, TimeSpan.FromSeconds(120));
            await Eventually.WaitForAsync(() => Task.FromResult(writes.Networks.Count), n => n >= 10, TimeSpan.FromSeconds(60));

            var (code, output) = await HostProcess.RunAsync($"backup \"{backup}\"", original);
            Assert.That(code, Is.Zero, output);
            await Task.Delay(1000); // the writers go on after the backup's moment
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        finally
        {
            site.Kill(); // the site and its data are lost
        }

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json")))!;
        var takenAt = manifest["takenAt"]!.GetValue<DateTime>().ToUniversalTime();
        TestContext.Out.WriteLine($"Backup at {takenAt:o}: {writes.Registrations.Count} registrations, {writes.Answers.Count} answers, {writes.Networks.Count} networks written in all; {smtp.Messages().Count(m => m.Subject == Subject)} newsletters sent by the first site.");
        Assert.That(writes.Registrations.Values.Count(at => at > takenAt), Is.Positive, "writing went on after the backup's moment");

        await using var restored = await TestDatabase.CreateAsync(Provider.Sqlite);
        var (restoreCode, restoreOutput) = await HostProcess.RunAsync($"restore \"{backup}\"", restored);
        Assert.That(restoreCode, Is.Zero, restoreOutput);
        foreach (var file in Directory.GetFiles(restored.DataDirectory, "*.db"))
        {
            Assert.That(IntegrityCheck(file), Is.EqualTo("ok"), file);
        }

        // What the backup holds, read before the restored site delivers anything.
        Before before;
        await using (var peek = new CoordinationApp(restored, Quiet))
        {
            before = await ReadAsync(peek, setup.IssueId);
            await AssertCommittedBeforeTheMomentAreThereAsync(peek, writes, takenAt);
            await AssertOneMomentAsync(peek, setup.NetworkCreatedHandlers);
        }

        SqliteConnection.ClearAllPools();
        await using var smtp2 = await SmtpServer.StartAsync();
        var port2 = HostProcess.FreePort();
        var second = HostProcess.Start(restored, port2, SiteSettings(smtp2, messagesPerSecond: 400));
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port2}") };
            await second.WaitUntilReadyAsync(client);
            Assert.That(await client.GetStringAsync("/health/ready"), Is.EqualTo("Healthy"));
            Assert.That(await TokenAsync(client), Is.Not.Empty, "the bootstrap coordinator signs in");
            using (var old = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/deliveries"))
            {
                old.Headers.Authorization = new("Bearer", oldToken);
                Assert.That((await client.SendAsync(old)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a token of the lost site is valid: the keys came back");
            }

            var rest = Subscribers - before.SentTo.Count;
            await Eventually.WaitForAsync(() => Task.FromResult(smtp2.Messages().Count(m => m.Subject == Subject)), n => n >= rest, TimeSpan.FromSeconds(90));
            await Eventually.WaitForAsync(() => Task.FromResult(Undelivered(restored)), n => n == 0, TimeSpan.FromSeconds(60));
            await Task.Delay(1500); // anything sent twice would arrive now
        }
        finally
        {
            second.Kill();
        }

        var resent = smtp2.Messages().Where(m => m.Subject == Subject).Select(m => m.To.Mailboxes.Single().Address).ToList();
        await using var after = new CoordinationApp(restored, Quiet);
        await AssertDeliveredOnceAsync(after, before);
        Assert.Multiple(() =>
        {
            Assert.That(resent.Intersect(before.SentTo), Is.Empty, "nothing the backup had marked sent is sent again");
            Assert.That(resent, Is.Unique, "the restored site sends each remaining message once");
            Assert.That(resent.Concat(before.SentTo), Is.EquivalentTo(before.Recipients), "every subscriber has the issue");
        });
        Directory.Delete(backup, recursive: true);
    }

    /// <summary>A network, a public event, a survey with an open link, confirmed subscribers and
    /// a newsletter issue, made through the in-process app; and who handles NetworkCreated.</summary>
    private static async Task<Setup> SetUpAsync(TestDatabase database)
    {
        await using var app = new CoordinationApp(database);
        var api = await app.ApiClientForAsync(CoordinationApp.AdminEmail, CoordinationApp.AdminPassword);
        var network = await IdAsync(await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Varmuuskopioverkosto" } }));
        await Eventually.WaitForAsync(() => InAsync<EventsDbContext, bool>(app, db => db.Networks.AnyAsync(n => n.NetworkId == network)), k => k);
        await Eventually.WaitForAsync(() => InAsync<SurveysDbContext, bool>(app, db => db.Networks.AnyAsync(n => n.NetworkId == network)), k => k);
        var start = DateTimeOffset.UtcNow.AddDays(10);
        var eventId = await IdAsync(await api.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = network, type = "webinar", title = new { fi = "Iso webinaari" }, startsAt = start.ToString("o"), endsAt = start.AddHours(2).ToString("o"), audience = "public", place = "Verkossa",
        }));
        var survey = await IdAsync(await api.PostAsJsonAsync("/api/v1/surveys", new
        {
            networkId = network, title = new { fi = "Avoin kysely" }, anonymous = true,
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"), closesAt = DateTimeOffset.UtcNow.AddDays(14).ToString("o"),
            questions = new[] { new { key = "t", type = "text", text = new { fi = "Terveiset" } } },
        }));
        Assert.That((await api.PostAsync($"/api/v1/surveys/{survey}/open", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var url = (await (await api.PostAsync($"/api/v1/surveys/{survey}/open-link", null)).Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            db.Subscribers.AddRange(Enumerable.Range(0, Subscribers).Select(i => new Subscriber
            {
                Id = Guid.CreateVersion7(), Email = $"tilaaja{i:D3}@example.fi", Language = "fi", Status = SubscriberStatus.Confirmed, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        var issue = await IdAsync(await api.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = Subject, sv = Subject } }));
        var handlers = app.Services.GetRequiredService<ModuleCatalog>().Subscriptions.Where(s => s.EventType == typeof(NetworkCreated)).Select(s => (s.Module, s.HandlerName)).ToList();
        return new Setup(eventId, url.Split('/')[^1], issue, handlers);
    }

    private static Dictionary<string, string?> SiteSettings(SmtpServer smtp, int messagesPerSecond) => new()
    {
        ["Coordination__Jobs__Enabled"] = "true",
        ["Coordination__Email__SmtpHost"] = "127.0.0.1",
        ["Coordination__Email__SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Coordination__Email__SmtpSecurity"] = "None",
        ["Coordination__Email__FromAddress"] = "koordinaatio@example.fi",
        ["Coordination__PublicBaseUrl"] = "https://koordinaatio.example.fi",
        ["Coordination__Newsletter__MessagesPerSecond"] = messagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Coordination__Newsletter__ClaimTimeout"] = "00:00:05",
        ["Coordination__Outbox__PollInterval"] = "00:00:00.200",
        ["Coordination__RateLimits__PublicFormsPerMinute"] = "1000000",
        ["Coordination__RateLimits__SignInPerMinute"] = "1000",
    };

    /// <summary>Repeats a write until stopped; keeps the key of each success with the time its
    /// answer came (the commit was before).</summary>
    private static async Task WriteAsync(Func<int, Task<HttpResponseMessage>> write, Func<int, string> key, ConcurrentDictionary<string, DateTime> done, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var response = await write(i);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    done[key(i)] = DateTime.UtcNow;
                }

                await Task.Delay(20, CancellationToken.None);
            }
            catch (HttpRequestException)
            {
                return; // the site is gone
            }
        }
    }

    /// <summary>Every write answered before the backup's moment is in the restored files.</summary>
    private static async Task AssertCommittedBeforeTheMomentAreThereAsync(CoordinationApp app, Writes writes, DateTime takenAt)
    {
        var registrations = writes.Registrations.Where(w => w.Value < takenAt).Select(w => w.Key).ToList();
        var answers = writes.Answers.Where(w => w.Value < takenAt).Select(w => w.Key).ToList();
        var networks = writes.Networks.Where(w => w.Value < takenAt).Select(w => writes.NetworkIds[int.Parse(w.Key, System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        Assert.That(registrations, Is.Not.Empty);
        Assert.That(answers, Is.Not.Empty);
        Assert.That(networks, Is.Not.Empty);
        var storedRegistrations = await InAsync<EventsDbContext, List<string>>(app, db => db.Registrations.Select(r => r.Email).ToListAsync());
        var storedAnswers = await InAsync<SurveysDbContext, List<string?>>(app, db => db.Answers.Where(a => a.QuestionKey == "t").Select(a => a.Text).ToListAsync());
        var storedNetworks = await InAsync<MembershipDbContext, List<Guid>>(app, db => db.Networks.Select(n => n.Id).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(storedRegistrations, Is.SupersetOf(registrations));
            Assert.That(storedAnswers, Is.SupersetOf(answers));
            Assert.That(storedNetworks, Is.SupersetOf(networks));
        });
    }

    /// <summary>One moment for all files: an outbox row that Membership had marked delivered is
    /// in the inbox of every subscriber's file.</summary>
    private static async Task AssertOneMomentAsync(CoordinationApp app, IReadOnlyList<(string Module, string Handler)> handlers)
    {
        var delivered = await InAsync<MembershipDbContext, List<Guid>>(app, db => db.OutboxMessages.Where(m => m.ProcessedAt != null && m.Type == typeof(NetworkCreated).FullName).Select(m => m.Id).ToListAsync());
        Assert.That(delivered, Is.Not.Empty);
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        foreach (var (module, handler) in handlers)
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.Databases.Single(d => d.Module == module).ContextType);
            var inbox = await db.InboxMessages.Where(i => i.Handler == handler).Select(i => i.EventId).ToListAsync();
            Assert.That(inbox, Is.SupersetOf(delivered), $"{module} has every NetworkCreated that Membership had marked delivered");
        }
    }

    private static async Task<Before> ReadAsync(CoordinationApp app, Guid issue)
    {
        var outbox = new Dictionary<(string, Guid), DateTime?>();
        var attempts = new Dictionary<(string, Guid), int>();
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var database in scope.ServiceProvider.GetRequiredService<ModuleCatalog>().Databases)
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            foreach (var row in await db.OutboxMessages.Select(m => new { m.Id, m.ProcessedAt, m.Attempts }).ToListAsync())
            {
                outbox[(database.Module, row.Id)] = row.ProcessedAt;
                attempts[(database.Module, row.Id)] = row.Attempts;
            }
        }

        var dissemination = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
        var sent = await dissemination.Deliveries.Where(d => d.IssueId == issue && d.Status == DeliveryStatus.Sent).Select(d => d.Email).ToListAsync();
        var recipients = await dissemination.Subscribers.Select(s => s.Email).ToListAsync();
        var pending = outbox.Count(o => o.Value is null);
        TestContext.Out.WriteLine($"In the backup: {sent.Count} newsletters marked sent, {pending} outbox rows waiting, {outbox.Count - pending} delivered.");
        Assert.That(sent.Count, Is.InRange(1, Subscribers - 1), "the backup was taken part-way through the send");
        return new Before(outbox, attempts, sent, recipients);
    }

    /// <summary>Outbox rows delivered in the backup were not delivered again; those waiting were
    /// delivered once to each handler, by one claim of the restored site without a failed attempt
    /// (Attempts counts every claim, also one the lost site had taken at the backup's moment); Monitoring has each network once.</summary>
    private static async Task AssertDeliveredOnceAsync(CoordinationApp app, Before before)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        foreach (var database in catalog.Databases)
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var rows = await db.OutboxMessages.ToListAsync();
            foreach (var row in rows.Where(r => before.Outbox.ContainsKey((database.Module, r.Id))))
            {
                var was = before.Outbox[(database.Module, row.Id)];
                if (was is not null)
                {
                    Assert.That(row.ProcessedAt, Is.EqualTo(was), $"{row.Type} {row.Id} of {database.Module} was delivered before the backup and not again");
                }
                else
                {
                    Assert.That((row.ProcessedAt is not null, row.Attempts, row.ParkedAt), Is.EqualTo((true, before.Attempts[(database.Module, row.Id)] + 1, (DateTime?)null)), $"{row.Type} {row.Id} of {database.Module} waited in the backup and was delivered once");
                }
            }
        }

        var pending = before.Outbox.Where(o => o.Value is null).Select(o => o.Key.Item2).ToHashSet();
        foreach (var subscription in catalog.Subscriptions)
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.Databases.Single(d => d.Module == subscription.Module).ContextType);
            var handled = await db.InboxMessages.Where(i => i.Handler == subscription.HandlerName).Select(i => i.EventId).ToListAsync();
            Assert.That(handled, Is.Unique);
        }

        var networks = await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().Networks.CountAsync();
        var facts = await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().Networks.Select(f => f.NetworkId).ToListAsync();
        Assert.That(facts, Is.Unique.And.Count.EqualTo(networks), "Monitoring knows each network once");
        Assert.That(pending, Is.Not.Empty, "some events waited in the outboxes of the backup");
    }

    /// <summary>Outbox rows still to deliver in every module's file (read beside the running site).</summary>
    private static long Undelivered(TestDatabase database)
        => Directory.GetFiles(database.DataDirectory, "*.db").Where(f => Path.GetFileName(f) != "identity.db").Sum(file =>
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM OutboxMessages WHERE ProcessedAt IS NULL AND ParkedAt IS NULL";
            return (long)command.ExecuteScalar()!;
        });

    private static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = CoordinationApp.AdminEmail, password = CoordinationApp.AdminPassword });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<T> InAsync<TContext, T>(CoordinationApp app, Func<TContext, Task<T>> read)
        where TContext : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private sealed record Setup(Guid EventId, string Slug, Guid IssueId, IReadOnlyList<(string Module, string Handler)> NetworkCreatedHandlers);

    private sealed record Before(Dictionary<(string Module, Guid Id), DateTime?> Outbox, Dictionary<(string Module, Guid Id), int> Attempts, List<string> SentTo, List<string> Recipients);

    private sealed class Writes
    {
        public ConcurrentDictionary<string, DateTime> Registrations { get; } = new();

        public ConcurrentDictionary<string, DateTime> Answers { get; } = new();

        public ConcurrentDictionary<string, DateTime> Networks { get; } = new();

        public ConcurrentDictionary<int, Guid> NetworkIds { get; } = new();
    }
}
