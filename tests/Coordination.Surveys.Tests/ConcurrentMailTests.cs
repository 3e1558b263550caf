using System.Net.Http.Json;
using Coordination.Shared.Security;
using Coordination.Surveys.Features.Invitations;
using Coordination.Surveys.Mailing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Tests;

/// <summary>Issue 22: the survey mail job run four times at once (twice on each of two instances
/// on PostgreSQL) invites each person once and later reminds each once, through a real SMTP
/// server; so does the coordinator's "remind now" pressed on both instances at once.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ConcurrentMailTests(Provider provider)
{
    [Test]
    public async Task Overlapping_mail_runs_invite_and_remind_each_person_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(SurveysSetup.NoPublicRateLimit);
        foreach (var (key, value) in SeveralInstances.Smtp(smtp, "kyselyt@example.fi"))
        {
            settings[key] = value;
        }

        await using var instances = SeveralInstances.Start(database, settings);
        var app = instances.First;
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await SurveysSetup.NetworkAsync(app, coordinator);
        var survey = await SurveysSetup.SurveyAsync(coordinator, network, [SurveysSetup.Likert("a", "Väite")], remindEveryDays: 3);
        var people = Enumerable.Range(0, 40).Select(i => $"vastaaja{i:D2}@example.fi").ToList();
        await SurveysSetup.InviteAsync(coordinator, survey, [.. people.Select(p => (p, (Guid?)null))]);

        await instances.RunAtOnceAsync<SendSurveyMailJob>();
        await Eventually.WaitForAsync(() => Task.FromResult(Mails(smtp, "Kysely:").Count), n => n >= people.Count);
        await Task.Delay(1500);
        Assert.That(Mails(smtp, "Kysely:"), Is.EquivalentTo(people), "each invited once");

        // Three days later everyone is due a reminder: overlapping runs remind each once.
        await SurveysSetup.InSurveysAsync(app, db => db.Invitations.Where(i => i.SurveyId == survey).ExecuteUpdateAsync(u => u.SetProperty(i => i.SentAt, DateTime.UtcNow.AddDays(-3))));
        await instances.RunAtOnceAsync<SendSurveyMailJob>();
        await Eventually.WaitForAsync(() => Task.FromResult(Mails(smtp, "Muistutus").Count), n => n >= people.Count);
        await Task.Delay(1500);
        Assert.That(Mails(smtp, "Muistutus"), Is.EquivalentTo(people), "each reminded once");

        // The button, pressed at once on both instances the next day.
        await SurveysSetup.InSurveysAsync(app, db => db.Invitations.Where(i => i.SurveyId == survey).ExecuteUpdateAsync(u => u.SetProperty(i => i.LastRemindedOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)))));
        var clients = new List<HttpClient>();
        foreach (var runner in instances.Runners)
        {
            clients.Add(await runner.ApiClientAsync(Roles.Coordinator));
        }

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/surveys/{survey}/reminders", null)));
        var reminded = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["reminded"]!.GetValue<int>()));
        Assert.That(reminded.Sum(), Is.EqualTo(people.Count), "the presses together reminded each once");
        await Eventually.WaitForAsync(() => Task.FromResult(Mails(smtp, "Muistutus").Count), n => n >= 2 * people.Count);
        await Task.Delay(1500);
        Assert.That(Mails(smtp, "Muistutus"), Is.EquivalentTo(people.Concat(people)));
    }

    private static List<string> Mails(SmtpServer smtp, string subjectStart)
        => [.. smtp.Messages().Where(m => (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal)).Select(m => m.To.Mailboxes.Single().Address)];
}
