using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Features.Newsletter;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination.Tests;

/// <summary>The newsletter through a real SMTP server: every confirmed subscriber gets the issue
/// once, in their language, with one-click unsubscribe headers; a send interrupted by a crash is
/// finished after a restart without repeats; a template that never ends is refused.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class NewsletterTests(Provider provider)
{
    private static Dictionary<string, string?> Settings(SmtpServer smtp) => new()
    {
        ["Coordination:Email:SmtpHost"] = "127.0.0.1",
        ["Coordination:Email:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Coordination:Email:SmtpSecurity"] = "None",
        ["Coordination:Email:FromAddress"] = "uutiskirje@example.fi",
        ["Coordination:PublicBaseUrl"] = "https://koordinaatio.example.fi",
        ["Coordination:Newsletter:MessagesPerSecond"] = "1000",
    };

    private static async Task<List<Subscriber>> SubscribersAsync(CoordinationApp app, int confirmed, string stamp)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
        var list = Enumerable.Range(0, confirmed).Select(i => new Subscriber
        {
            Id = Guid.CreateVersion7(), Email = $"t{i:D4}-{stamp}@example.fi", Language = i % 3 == 0 ? "sv" : "fi", Status = SubscriberStatus.Confirmed, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow,
        }).ToList();
        db.Subscribers.AddRange(list);
        db.Subscribers.Add(new Subscriber { Id = Guid.CreateVersion7(), Email = $"peruttu-{stamp}@example.fi", Status = SubscriberStatus.Unsubscribed, CreatedAt = DateTime.UtcNow });
        db.Subscribers.Add(new Subscriber { Id = Guid.CreateVersion7(), Email = $"odottaa-{stamp}@example.fi", Status = SubscriberStatus.Pending, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return list;
    }

    private static async Task RunJobAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<SendNewslettersJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    [Test]
    public async Task Every_confirmed_subscriber_gets_the_issue_once_in_their_language_with_one_click_unsubscribe()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, Settings(smtp));
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await DisseminationSetup.NetworkAsync(app, coordinator);
        await DisseminationSetup.PublishedAsync(coordinator, DisseminationSetup.Card(network, null, "Uutiskirjeen malli", titleSv: "Nyhetsbrevets modell"));
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var subscribers = await SubscribersAsync(app, 30, stamp);

        var issue = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new
        {
            subject = new { fi = "Marraskuun uutiskirje", sv = "Novembers nyhetsbrev" }, editorial = new { fi = "Tervetuloa **lukemaan**.", sv = "Välkommen att **läsa** [programmet](https://example.fi/program)." },
        }));
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await RunJobAsync(app);
        var messages = await smtp.WaitForAsync(30);
        await RunJobAsync(app);
        await Task.Delay(300);

        var received = smtp.Messages().Where(m => m.To.ToString().Contains(stamp, StringComparison.Ordinal)).ToList();
        Assert.That(received.Select(m => m.To.Mailboxes.Single().Address), Is.EquivalentTo(subscribers.Select(s => s.Email)), "each confirmed subscriber once; not the unsubscribed nor the unconfirmed");
        var swedish = received.First(m => m.To.ToString().Contains(subscribers[0].Email, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(swedish.Subject, Is.EqualTo("Novembers nyhetsbrev"));
            Assert.That(swedish.HtmlBody, Does.Contain("Nyhetsbrevets modell").And.Contain("<strong>läsa</strong>"));
            Assert.That(swedish.TextBody, Does.Contain("Välkommen att läsa programmet (https://example.fi/program).").And.Not.Contain("**"), "the plain-text part without Markdown, links kept");
            Assert.That(swedish.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(swedish.MessageId, Does.StartWith($"{issue:N}.").And.EndWith("@koordinaatio.example.fi"), "the Message-ID a resend would repeat");
            Assert.That(swedish.Headers.Count(h => h.Id == MimeKit.HeaderId.MessageId), Is.EqualTo(1));
            Assert.That(swedish.Headers["List-Unsubscribe"], Does.StartWith("<https://koordinaatio.example.fi/newsletter/unsubscribe/"));
            Assert.That(received.First(m => m.To.ToString().Contains(subscribers[1].Email, StringComparison.Ordinal)).Subject, Is.EqualTo("Marraskuun uutiskirje"));
        });

        var progress = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/newsletter/issues/{issue}");
        Assert.That((progress!["status"]!.GetValue<string>(), progress["total"]!.GetValue<int>(), progress["sent"]!.GetValue<int>()), Is.EqualTo(("sent", 30, 30)));

        var unsubscribe = swedish.Headers["List-Unsubscribe"].Trim('<', '>');
        var oneClick = await app.CreateClient().PostAsync(new Uri(unsubscribe).PathAndQuery, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.That(oneClick.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await DisseminationSetup.InDisseminationAsync(app, db => db.Subscribers.Where(s => s.Email == subscribers[0].Email).Select(s => s.Status).SingleAsync()), Is.EqualTo(SubscriberStatus.Unsubscribed));

        var guest = app.CreateClient();
        Assert.That(await guest.GetStringAsync("/newsletter"), Does.Contain("Marraskuun uutiskirje"));
        var content = await guest.GetAsync($"/newsletter/{issue}/content?culture=sv");
        Assert.That(await content.Content.ReadAsStringAsync(), Does.Contain("Novembers nyhetsbrev"));
        Assert.That(content.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("sandbox"));
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "sent once");
        Assert.That(messages, Is.Not.Empty);
    }

    [Test]
    public async Task A_newsletter_sent_by_the_job_links_to_the_public_address_also_in_development()
    {
        // No SMTP server: the issue goes to the pickup folder. Development's address is http://localhost:5000.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["environment"] = "Development", ["Coordination:PublicBaseUrl"] = "" });
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        await SubscribersAsync(app, 1, stamp);
        var issue = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "Linkit kuntoon" } }));
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await RunJobAsync(app);

        var mail = app.PickedUpMail().Single(m => m.To.ToString().Contains(stamp, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(mail.Headers["List-Unsubscribe"], Does.StartWith("<http://localhost:5000/newsletter/unsubscribe/"));
            Assert.That(mail.HtmlBody, Does.Contain("http://localhost:5000/newsletter/unsubscribe/"));
            Assert.That(mail.HtmlBody, Does.Not.Contain("href=\"/"), "no relative link");
        });
    }

    [Test]
    public async Task A_send_cut_by_a_crash_is_finished_after_a_restart_without_repeats()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        List<Subscriber> subscribers;
        Guid issue;
        await using (var app = new CoordinationApp(database, Settings(smtp)))
        {
            var coordinator = await app.ApiClientAsync(Roles.Coordinator);
            subscribers = await SubscribersAsync(app, 40, stamp);
            issue = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "Katkennut lähetys" } }));
            Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            await RunJobAsync(app);
            Assert.That(smtp.Messages().Count(m => m.Subject == "Katkennut lähetys"), Is.EqualTo(40));

            // Put the log in the state a crash in the middle leaves: ten sent, five claimed by the
            // dead process whose lease ran out five minutes ago (their mail may or may not have
            // gone), the rest waiting.
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            var rows = await db.Deliveries.Where(d => d.IssueId == issue).OrderBy(d => d.Id).ToListAsync();
            var deadClaim = Guid.NewGuid();
            foreach (var (row, index) in rows.Select((r, i) => (r, i)))
            {
                row.Status = index < 10 ? DeliveryStatus.Sent : index < 15 ? DeliveryStatus.Sending : DeliveryStatus.Pending;
                row.ClaimId = index < 15 ? deadClaim : null;
                row.ClaimedUntil = index is >= 10 and < 15 ? DateTime.UtcNow.AddMinutes(-5) : null;
                row.Attempts = index < 15 ? 1 : 0;
            }

            await db.SaveChangesAsync();
            await db.Issues.Where(i => i.Id == issue).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IssueStatus.Sending));
        }

        var before = smtp.Messages().Count(m => m.Subject == "Katkennut lähetys");
        await using (var restarted = new CoordinationApp(database, Settings(smtp)))
        {
            await RunJobAsync(restarted);
            await RunJobAsync(restarted);
        }

        await Task.Delay(300);
        var resent = smtp.Messages().Where(m => m.Subject == "Katkennut lähetys").Skip(before).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.That(resent, Has.Count.EqualTo(30), "the five claimed by the crashed process and the 25 waiting, once each; not the ten sent");
        Assert.That(resent, Is.Unique);
        Assert.That(resent, Is.SubsetOf(subscribers.Select(s => s.Email)));

        await using var check = new CoordinationApp(database, Settings(smtp));
        var attempts = await DisseminationSetup.InDisseminationAsync(check, db => db.Deliveries.Where(d => d.IssueId == issue).OrderBy(d => d.Id).Select(d => d.Attempts).ToListAsync());
        Assert.That(attempts, Is.EqualTo(Enumerable.Repeat(1, 10).Concat(Enumerable.Repeat(2, 5)).Concat(Enumerable.Repeat(1, 25))), "the log counts the second claim of the five the crash cut");
    }

    [Test]
    public async Task A_template_that_never_ends_or_does_not_parse_is_refused_with_a_clear_error()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, Settings(smtp));
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var endless = await coordinator.PutAsJsonAsync("/api/v1/dissemination/newsletter/template", new { html = "{{ while true }}x{{ end }}", text = "{{ subject }}" });
        Assert.That(endless.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await endless.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["html"]![0]!.GetValue<string>(), Does.StartWith("Pohjan suoritus keskeytettiin"));
        var broken = await coordinator.PutAsJsonAsync("/api/v1/dissemination/newsletter/template", new { html = "{{ for x in }}", text = "x" });
        Assert.That((await broken.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["html"]![0]!.GetValue<string>(), Does.StartWith("Pohjassa on virhe"));
        var include = await coordinator.PutAsJsonAsync("/api/v1/dissemination/newsletter/template", new { html = "{{ include 'secret' }}", text = "x" });
        Assert.That(include.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no includes");
        Assert.That((await coordinator.PutAsJsonAsync("/api/v1/dissemination/newsletter/template", new { html = "<p>{{ subject | html.escape }}</p><a href=\"{{ unsubscribe_url }}\">x</a>", text = "{{ subject }}" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var issue = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "<Testi>" } }));
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/test", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var tests = await smtp.WaitForAsync(2);
        Assert.That(tests.Select(m => m.Subject), Is.EquivalentTo(new[] { "[TESTI] <Testi>", "[TESTI] <Testi>" }));
        Assert.That(tests[0].HtmlBody, Does.Contain("&lt;Testi&gt;"), "titles are escaped in the HTML");
        var browser = await app.BrowserClientAsync(Roles.Coordinator);
        foreach (var path in new[] { "/newsletter/manage", "/newsletter/manage/new", $"/newsletter/manage/{issue}", $"/newsletter/manage/{issue}/edit", "/newsletter/manage/template", $"/newsletter/manage/{issue}/preview?language=sv" })
        {
            Assert.That((await browser.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }

    [Test]
    public async Task A_regex_that_backtracks_without_end_stops_within_the_render_budget()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        // (a+)+ against 40 a's and a mismatch backtracks about 2^40 steps: only a timeout ends it.
        var evil = "{{ \"" + new string('a', 40) + "!\" | regex.match \"^(a+)+$\" }}";
        foreach (var field in new[] { "html", "text" })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var response = await coordinator.PutAsJsonAsync("/api/v1/dissemination/newsletter/template", new Dictionary<string, string> { ["html"] = field == "html" ? evil : "{{ subject }}", ["text"] = field == "text" ? evil : "{{ subject }}" });
            clock.Stop();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
            Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]![0]!.GetValue<string>(), Does.StartWith("Pohjan suoritus keskeytettiin"));
            // The budget is 2 s of wall clock; the bound leaves room for a loaded machine's request
            // and still fails without the budget, where Scriban's own regex timeout (10 s) ends it.
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(9)), "the two-second budget holds for regular expressions too");
        }

        // Strings cannot grow past the cap either: 5 million characters is refused, not built.
        var huge = await coordinator.PutAsJsonAsync("/api/v1/dissemination/newsletter/template", new { html = "{{ \"x\" | string.pad_left 5000000 }}", text = "{{ subject }}" });
        Assert.That(huge.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var output = await coordinator.PutAsJsonAsync("/api/v1/dissemination/newsletter/template", new { html = "{{ for i in 1..900 }}" + new string('y', 5000) + "{{ end }}", text = "{{ subject }}" });
        Assert.That(output.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "4.5 million characters of output are more than any newsletter");
    }
}
