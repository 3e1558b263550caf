using System.Globalization;
using Coordination.Events.Data;
using Coordination.Shared.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Coordination.Events.Features.Retention;

/// <summary>How long Events keeps what: guests' registrations (people outside the directory) are
/// anonymised <see cref="GuestRegistrationsMonths"/> months after their event ended. The directory's
/// people are erased through Membership (PersonErased).</summary>
internal static class EventsRetention
{
    public const string GuestRegistrationsMonthsKey = "Coordination:Retention:GuestRegistrationsMonths";

    public static int GuestRegistrationsMonths(IConfiguration configuration) => Math.Max(1, configuration.GetValue(GuestRegistrationsMonthsKey, 6));
}

/// <summary>The daily retention run of Events; every run is audited with its count.</summary>
internal sealed class RetentionJob(EventsDbContext db, IConfiguration configuration, TimeProvider clock) : IRecurringJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var months = EventsRetention.GuestRegistrationsMonths(configuration);
        var before = now.AddMonths(-months);
        var ended = db.Events.Where(e => e.EndsAt < before).Select(e => e.Id);
        var directory = db.People.Select(p => p.Email);
        var registrations = await db.Registrations
            .Where(r => ended.Contains(r.EventId) && !r.Email.StartsWith(RegistrationAnonymiser.Prefix) && !directory.Contains(r.Email))
            .ToListAsync(cancellationToken);
        foreach (var registration in registrations)
        {
            RegistrationAnonymiser.Anonymise(registration);
        }

        db.Audit(null, "Retention", nameof(Registration), "-", string.Create(CultureInfo.InvariantCulture, $"{registrations.Count} anonymised (events ended before {before:yyyy-MM-dd}, {months} months)"), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
