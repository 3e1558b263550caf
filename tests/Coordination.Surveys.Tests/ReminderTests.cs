using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Tests;

/// <summary>Invitations and reminders through a real SMTP server: a reminder to those who have
/// not answered once the interval has passed, never twice the same day, not after a restart either.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReminderTests(Provider provider)
{
    [Test]
    public async Task Those_who_have_not_answered_get_one_reminder_also_across_a_restart()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(SurveysSetup.NoPublicRateLimit)
        {
            ["Coordination:Email:SmtpHost"] = "127.0.0.1",
            ["Coordination:Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coordination:Email:SmtpSecurity"] = "None",
            ["Coordination:Email:FromAddress"] = "kyselyt@example.fi",
            ["Coordination:PublicBaseUrl"] = "https://koordinaatio.example.fi",
        };

        Guid survey;
        await using (var app = new CoordinationApp(database, settings))
        {
            var coordinator = await app.ApiClientAsync(Roles.Coordinator);
            var network = await SurveysSetup.NetworkAsync(app, coordinator);
            survey = await SurveysSetup.SurveyAsync(coordinator, network, [SurveysSetup.Likert("a", "Väite")], remindEveryDays: 3);
            await SurveysSetup.InviteAsync(coordinator, survey, ("vastasi@example.fi", null), ("unohti@example.fi", null));
            await SurveysSetup.RunMailJobAsync(app);
            var invitations = await smtp.WaitForAsync(2);
            var token = System.Text.RegularExpressions.Regex.Match(invitations.Single(m => m.To.ToString().Contains("vastasi", StringComparison.Ordinal)).TextBody!, "https://koordinaatio.example.fi/s/([A-Za-z0-9_-]+)").Groups[1].Value;
            await SurveysSetup.AnswerAsync(app.CreateClient(), token, new { a = 4 });

            await SurveysSetup.RunMailJobAsync(app);
            await app.DrainMailAsync();
            Assert.That(smtp.Messages(), Has.Count.EqualTo(2), "no reminder before the interval has passed, no second invitation");

            // Three days later: the invitations were sent then.
            await SurveysSetup.InSurveysAsync(app, db => db.Invitations.Where(i => i.SurveyId == survey)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.SentAt, DateTime.UtcNow.AddDays(-3))));
            await SurveysSetup.RunMailJobAsync(app);
            var afterReminder = await smtp.WaitForAsync(3);
            var reminder = afterReminder.Single(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal));
            Assert.That(reminder.To.Mailboxes.Single().Address, Is.EqualTo("unohti@example.fi"));
            Assert.That(reminder.TextBody, Does.Contain("https://koordinaatio.example.fi/s/"));
            await SurveysSetup.RunMailJobAsync(app);
        }

        await using (var restarted = new CoordinationApp(database, settings))
        {
            await SurveysSetup.RunMailJobAsync(restarted);
            var coordinator = await restarted.ApiClientAsync(Roles.Coordinator);
            var byHand = await coordinator.PostAsync($"/api/v1/surveys/{survey}/reminders", null);
            Assert.That(await byHand.Content.ReadAsStringAsync(), Does.Contain("\"reminded\":0"), "the button does not remind twice the same day either");
            await restarted.DrainMailAsync();
        }

        await Task.Delay(500);
        Assert.That(smtp.Messages().Count(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)), Is.EqualTo(1));
    }
}
