using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Registering;

internal enum RegisterOutcome
{
    Registered,
    Waitlisted,
    Invalid,
    Duplicate,
    Closed,
}

/// <summary>The API's answer to a registration or a walk-in: registered or waitlisted.</summary>
internal sealed record Registered(Guid Id, string Status);

internal sealed record RegisterResult(RegisterOutcome Outcome, Guid Id, FormErrors Errors, string? Message = null);

/// <summary>Registrations with a capacity that is never exceeded, a waiting list in order of
/// registering, and promotion when someone cancels. Every change to an event's seats first
/// takes the event's row (an UPDATE: the write lock on SQLite, a row lock on PostgreSQL), so
/// concurrent registrations and cancellations of one event happen one after another. The
/// confirmation (with the personal cancel link) and the promotion notice are queued in the same
/// transaction as the change, so they go out whatever the mail server does at that moment.</summary>
internal sealed class Registrar(
    EventsDbContext db,
    IValidator<RegistrationInput> validator,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<EventsStrings> l)
{
    /// <summary>Registers for <paramref name="e"/> (read by the caller, which has checked who may see it).</summary>
    public async Task<RegisterResult> RegisterAsync(Event e, RegistrationInput input, string baseUrl, CancellationToken ct)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (!errors.IsEmpty)
        {
            return new(RegisterOutcome.Invalid, Guid.Empty, errors);
        }

        var eventId = e.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        if (ClosedReason(e, now) is { } reason)
        {
            return new(RegisterOutcome.Closed, Guid.Empty, FormErrors.None, reason);
        }

        var address = input.Email!.Trim().ToLowerInvariant();
        var token = NewToken();
        Registration? registration;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await LockAsync(eventId, ct);
            registration = await db.Registrations.SingleOrDefaultAsync(r => r.EventId == eventId && r.Email == address, ct);
            if (registration is { Status: not RegistrationStatus.Cancelled })
            {
                return new(RegisterOutcome.Duplicate, registration.Id, FormErrors.None, l["AlreadyRegistered"]);
            }

            var seated = await db.Events
                .Where(x => x.Id == eventId && (x.Capacity == null || x.RegisteredCount < x.Capacity))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RegisteredCount, x => x.RegisteredCount + 1), ct) == 1;
            if (registration is null)
            {
                registration = new Registration { Id = Guid.CreateVersion7(), EventId = eventId, Email = address };
                db.Registrations.Add(registration);
            }

            registration.Name = input.Name!.Trim();
            registration.Organisation = input.Organisation?.Trim();
            registration.Needs = input.Needs?.Trim();
            registration.Language = input.Language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch { "sv" => "sv", "en" => "en", _ => "fi" };
            registration.Status = seated ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
            registration.Number = now.Ticks;
            registration.CreatedAt = now;
            registration.CancelledAt = null;
            registration.ReminderSentAt = null;
            registration.CancelTokenHash = Hash(token);
            QueueConfirmation(e, registration, token, baseUrl, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new(registration.Status == RegistrationStatus.Registered ? RegisterOutcome.Registered : RegisterOutcome.Waitlisted, registration.Id, FormErrors.None);
    }

    /// <summary>Cancels by the personal token (or by id for the organiser) and promotes the first
    /// in the waiting list. Returns the event id, or null when nothing matched.</summary>
    public async Task<Guid?> CancelAsync(string? token, Guid? registrationId, string baseUrl, CancellationToken ct)
    {
        var hash = token is null ? null : Hash(token);
        var found = await db.Registrations.AsNoTracking()
            .Where(r => hash != null ? r.CancelTokenHash == hash : r.Id == registrationId)
            .Select(r => new { r.Id, r.EventId })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await LockAsync(found.EventId, ct);
            var registration = await db.Registrations.SingleAsync(r => r.Id == found.Id, ct);
            if (registration.Status == RegistrationStatus.Cancelled)
            {
                return found.EventId;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var freesSeat = registration.Status == RegistrationStatus.Registered;
            registration.Status = RegistrationStatus.Cancelled;
            registration.CancelledAt = now;
            if (freesSeat)
            {
                var promoted = await db.Registrations
                    .Where(r => r.EventId == found.EventId && r.Status == RegistrationStatus.Waitlisted)
                    .OrderBy(r => r.Number).ThenBy(r => r.Id)
                    .FirstOrDefaultAsync(ct);
                if (promoted is not null)
                {
                    promoted.Status = RegistrationStatus.Registered;
                    var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == found.EventId, ct);
                    Queue(promoted, "PromotedMailSubject", "PromotedMailBody", e, null, baseUrl, $"events:promoted:{promoted.Id:N}:{registration.Id:N}", now);
                }
                else
                {
                    await db.Events.Where(x => x.Id == found.EventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegisteredCount, x => x.RegisteredCount - 1), ct);
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return found.EventId;
    }

    /// <summary>After the organiser raised or removed the capacity: the waiting list fills the
    /// seats that opened, in order of registering, each told by e-mail. The event's row is taken
    /// first, as for a registration or cancellation. Returns how many got a seat.</summary>
    public async Task<int> FillFreedSeatsAsync(Guid eventId, string baseUrl, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(eventId, ct);
        var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == eventId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var free = e.Capacity is { } capacity ? capacity - e.RegisteredCount : int.MaxValue;
        if (free <= 0 || e.Status != EventStatus.Scheduled || e.EndsAt < now)
        {
            return 0;
        }

        var promoted = await db.Registrations
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Number).ThenBy(r => r.Id)
            .Take(free)
            .ToListAsync(ct);
        foreach (var registration in promoted)
        {
            registration.Status = RegistrationStatus.Registered;

            // Number is the moment of registering: a person who cancels and registers again waits anew.
            Queue(registration, "PromotedMailSubject", "PromotedMailBody", e, null, baseUrl, $"events:promoted:{registration.Id:N}:{registration.Number}", now);
        }

        await db.Events.Where(x => x.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegisteredCount, x => x.RegisteredCount + promoted.Count), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return promoted.Count;
    }

    /// <summary>"Send me my cancel link again": a live registration of <paramref name="address"/>
    /// for <paramref name="e"/> gets a new link by e-mail (only its hash is kept, so the old link
    /// stops working). The caller answers the same whether or not the address is registered.</summary>
    public async Task ResendCancelLinkAsync(Event e, string address, string baseUrl, CancellationToken ct)
    {
        var email = address.Trim().ToLowerInvariant();
        var registration = await db.Registrations.SingleOrDefaultAsync(r => r.EventId == e.Id && r.Email == email && r.Status != RegistrationStatus.Cancelled, ct);
        if (registration is null)
        {
            return;
        }

        var token = NewToken();
        registration.CancelTokenHash = Hash(token);
        Queue(registration, "CancelLinkMailSubject", "CancelLinkMailBody", e, token, baseUrl, $"events:cancel-link:{registration.CancelTokenHash[..32]}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Why registration is not open now, or null when it is.</summary>
    public string? ClosedReason(Event e, DateTime now)
        => e.Status == EventStatus.Cancelled ? l["EventCancelled"].Value
            : e.Status == EventStatus.Held || e.EndsAt < now ? l["EventOver"].Value
            : e.RegistrationOpensAt > now ? string.Format(CultureInfo.CurrentCulture, l["RegistrationNotOpen"], HelsinkiTime.FormatDateTime(e.RegistrationOpensAt.Value))
            : e.RegistrationClosesAt < now ? l["RegistrationClosed"].Value
            : null;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public string BaseUrl() => PublicUrl.Base(configuration);

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>Takes the event's row for the rest of the transaction.</summary>
    private Task LockAsync(Guid eventId, CancellationToken ct)
        => db.Events.Where(x => x.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegisteredCount, x => x.RegisteredCount), ct);

    private void QueueConfirmation(Event e, Registration r, string token, string baseUrl, DateTime now)
        => Queue(r, r.Status == RegistrationStatus.Registered ? "RegisteredMailSubject" : "WaitlistedMailSubject", r.Status == RegistrationStatus.Registered ? "RegisteredMailBody" : "WaitlistedMailBody",
            e, token, baseUrl, $"events:registered:{r.CancelTokenHash[..32]}", now);

    /// <summary>Queues a mail in the person's language: event, time, place, the online link to
    /// the registered, the cancel link. Each new cancel token names a new mail.</summary>
    private void Queue(Registration r, string subject, string body, Event e, string? token, string baseUrl, string key, DateTime now)
    {
        using var culture = new CultureScope(r.Language);
        var title = e.Title.InCurrentCulture().Text;
        var details = Mail.EventDetails.Lines(e, withOnlineLink: r.Status == RegistrationStatus.Registered, l).Insert(0, title + Environment.NewLine);

        details.AppendLine(CultureInfo.CurrentCulture, $"{l["Calendar"]}: {baseUrl}/events/{e.Id}.ics");
        if (token is not null)
        {
            details.AppendLine().AppendLine(CultureInfo.CurrentCulture, $"{l["CancelLinkText"]}: {baseUrl}/events/cancel/{token}");
        }

        db.QueueMail(new EmailMessage(r.Email, r.Name, string.Format(CultureInfo.CurrentCulture, l[subject], title), string.Format(CultureInfo.CurrentCulture, l[body], r.Name, details)), key, now);
    }

    /// <summary>An event's registrations: registered first, then the waiting list in order, then the cancelled.</summary>
    public static Task<List<Registration>> ListAsync(EventsDbContext db, Guid id, CancellationToken ct)
        => db.Registrations.AsNoTracking().Where(r => r.EventId == id)
            .OrderBy(r => r.Status == RegistrationStatus.Registered ? 0 : r.Status == RegistrationStatus.Waitlisted ? 1 : 2)
            .ThenBy(r => r.Number).ThenBy(r => r.Id)
            .ToListAsync(ct);
}
