using Coordination.Events.Features.Reminders;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>Reminders through a real SMTP server: sent the day before, once, also when the host
/// restarts between runs.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReminderTests(Provider provider)
{
    [Test]
    public async Task Registered_people_get_one_reminder_the_day_before_also_across_a_restart()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Coordination:Email:SmtpHost"] = "127.0.0.1",
            ["Coordination:Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coordination:Email:SmtpSecurity"] = "None",
            ["Coordination:Email:FromAddress"] = "tapahtumat@example.fi",
            ["Coordination:PublicBaseUrl"] = "https://koordinaatio.example.fi",
        };

        Guid tomorrow;
        await using (var app = new CoordinationApp(database, settings))
        {
            var coordinator = await app.ApiClientAsync(Roles.Coordinator);
            var network = await EventsSetup.NetworkAsync(app, coordinator);
            var helsinkiTomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).Date.AddDays(1).AddHours(13);
            tomorrow = await EventsSetup.EventAsync(coordinator, network, startsAt: new DateTimeOffset(helsinkiTomorrow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki").GetUtcOffset(helsinkiTomorrow)));
            var later = await EventsSetup.EventAsync(coordinator, network, startsAt: DateTimeOffset.UtcNow.AddDays(5));
            await EventsSetup.RegisterAsync(app.CreateClient(), tomorrow, "muistettava@example.fi", "Muistettava Henkilö");
            await EventsSetup.RegisterAsync(app.CreateClient(), later, "myohemmin@example.fi");
            await smtp.WaitForAsync(2); // the two confirmations

            await RunJobAsync(app);
            var afterFirst = await smtp.WaitForAsync(3);
            Assert.That(afterFirst.Count(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)), Is.EqualTo(1));
            var reminder = afterFirst.Single(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal));
            Assert.That(reminder.To.Mailboxes.Single().Address, Is.EqualTo("muistettava@example.fi"));
            Assert.That(reminder.TextBody, Does.Contain("https://meet.example.fi/abc"));
            await RunJobAsync(app);
        }

        await using (var restarted = new CoordinationApp(database, settings))
        {
            await RunJobAsync(restarted);
            await restarted.DrainMailAsync();
        }

        await Task.Delay(500);
        Assert.That(smtp.Messages().Count(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)), Is.EqualTo(1), "no second reminder, not after a restart either");
    }

    private static async Task RunJobAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<SendRemindersJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }
}
