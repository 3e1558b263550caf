using Coordination.Events.Data;
using Coordination.Events.Features.Reminders;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>Issue 22: the reminder job run four times at once (twice on each of two instances on
/// PostgreSQL) reminds each registered person once, through a real SMTP server.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ConcurrentReminderTests(Provider provider)
{
    [Test]
    public async Task Overlapping_reminder_runs_remind_each_person_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instances = SeveralInstances.Start(database, SeveralInstances.Smtp(smtp, "tapahtumat@example.fi"));
        var app = instances.First;
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var network = await EventsSetup.NetworkAsync(app, coordinator);
        var helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, helsinki).Date.AddDays(1).AddHours(13);
        var eventId = await EventsSetup.EventAsync(coordinator, network, startsAt: new DateTimeOffset(tomorrow, helsinki.GetUtcOffset(tomorrow)));
        var people = Enumerable.Range(0, 40).Select(i => $"muistettava{i:D2}@example.fi").ToList();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            db.Registrations.AddRange(people.Select((email, i) => new Registration
            {
                Id = Guid.CreateVersion7(), EventId = eventId, Name = $"Henkilö {i}", Email = email, Status = RegistrationStatus.Registered, Number = i, CreatedAt = DateTime.UtcNow, CancelTokenHash = $"hash-{i}",
            }));
            await db.SaveChangesAsync();
        }

        await instances.RunAtOnceAsync<SendRemindersJob>();
        await Eventually.WaitForAsync(() => Task.FromResult(Reminders(smtp).Count), n => n >= people.Count);
        await Task.Delay(1500); // a second reminder would arrive now
        await instances.RunAtOnceAsync<SendRemindersJob>();
        await Task.Delay(1500);

        var reminded = Reminders(smtp);
        Assert.That(reminded, Is.EquivalentTo(people), "each registered person once");
    }

    private static List<string> Reminders(SmtpServer smtp)
        => [.. smtp.Messages().Where(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)).Select(m => m.To.Mailboxes.Single().Address)];
}
