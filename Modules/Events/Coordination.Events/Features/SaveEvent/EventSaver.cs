using Coordination.Events.Contracts;
using System.Globalization;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Events.Registering;

namespace Coordination.Events.Features.SaveEvent;

/// <summary>Creates events (one, or the occurrences of a series), edits and cancels them. Each
/// change that calendars must see raises the event's iCalendar SEQUENCE.</summary>
internal sealed class EventSaver(EventsDbContext db, IValidator<EventInput> validator, TimeProvider clock, IStringLocalizer<EventsStrings> l, Registering.Registrar registrar)
{
    public async Task<(List<Guid> Ids, FormErrors Errors)> CreateAsync(EventInput input, string? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = await ValidateAsync(input, null, ct);
        if (errors.IsEmpty && input.Start < now)
        {
            errors.Add("startsAt", l["StartInPast"]);
        }

        if (!errors.IsEmpty)
        {
            return ([], errors);
        }

        var seriesId = input.Repeat is null ? (Guid?)null : Guid.CreateVersion7();
        var occurrences = input.Repeat?.Count ?? 1;
        var ids = new List<Guid>();
        for (var i = 0; i < occurrences; i++)
        {
            var shift = TimeSpan.FromDays(7 * (input.Repeat?.EveryWeeks ?? 0) * i);
            var e = new Event { Id = Guid.CreateVersion7(), SeriesId = seriesId, CreatedAt = now, Status = EventStatus.Scheduled, OrganiserUserId = userId };
            Apply(e, input, shift, now);
            db.Events.Add(e);
            PublishScheduled(e, now);
            ids.Add(e.Id);
        }

        db.Audit(userId, seriesId is null ? "CreateEvent" : "CreateEventSeries", nameof(Event), (seriesId ?? ids[0]).ToString(), input.Title!.Fi, now);
        await db.SaveChangesAsync(ct);
        return (ids, FormErrors.None);
    }

    /// <summary>Edits one event (one occurrence of a series); a raised capacity gives the freed
    /// seats to the waiting list. Null when it does not exist.</summary>
    public async Task<FormErrors?> UpdateAsync(Guid id, EventInput input, string? userId, CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.Materials).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        var errors = await ValidateAsync(input with { Repeat = null }, e, ct);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var capacityBefore = e.Capacity;
        Apply(e, input, TimeSpan.Zero, now);
        e.Sequence++;
        PublishScheduled(e, now);
        db.Audit(userId, "EditEvent", nameof(Event), e.Id.ToString(), e.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        if (capacityBefore is not null && (e.Capacity is null || e.Capacity > capacityBefore))
        {
            await registrar.FillFreedSeatsAsync(e.Id, registrar.BaseUrl(), ct);
        }

        return FormErrors.None;
    }

    /// <summary>Cancels an event. Everyone registered or waiting is told by
    /// <see cref="CancellationNotices"/>, which the published <see cref="EventCancelled"/> reaches
    /// after the commit: the request writes one row whatever the number of registrants. False when
    /// not found.</summary>
    public async Task<bool> CancelAsync(Guid id, string? userId, CancellationToken ct)
    {
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return false;
        }

        if (e.Status == EventStatus.Cancelled)
        {
            return true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        e.Status = EventStatus.Cancelled;
        e.Sequence++;
        e.UpdatedAt = now;
        db.Publish(new EventCancelled(e.Id, e.NetworkId, e.Sequence, now), now);
        db.Audit(userId, "CancelEvent", nameof(Event), e.Id.ToString(), e.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<FormErrors> ValidateAsync(EventInput input, Event? existing, CancellationToken ct)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (input.NetworkId is { } networkId && !await db.Networks.AnyAsync(n => n.NetworkId == networkId, ct))
        {
            errors.Add("networkId", l["NetworkUnknown"]);
        }

        if (input.ProjectId is { } projectId && !await db.Projects.AnyAsync(p => p.ProjectId == projectId && p.NetworkId == input.NetworkId, ct))
        {
            errors.Add("projectId", l["ProjectNotOfNetwork"]);
        }

        if (existing is not null && input.Capacity is { } capacity && capacity < existing.RegisteredCount)
        {
            errors.Add("capacity", l.Plural("CapacityBelowRegistered", existing.RegisteredCount));
        }

        return errors;
    }

    private void PublishScheduled(Event e, DateTime now)
        => db.Publish(Integration.EventMessages.Scheduled(e, now), now);

    private static void Apply(Event e, EventInput input, TimeSpan shift, DateTime now)
    {
        e.NetworkId = input.NetworkId!.Value;
        e.ProjectId = input.ProjectId;
        e.Type = EnumText.TryParse<EventType>(input.Type, out var type) ? type : EventType.NetworkMeeting;
        e.Audience = EnumText.TryParse<EventAudience>(input.Audience, out var audience) ? audience : EventAudience.Network;
        e.Title = input.Title!.ToText();
        e.Description = (input.Description ?? new LocalizedTextInput(null, null, null)).ToText();
        e.StartsAt = Shift(input.Start!.Value, shift);
        e.EndsAt = Shift(input.End!.Value, shift);
        e.RegistrationOpensAt = input.Opens is { } opens ? Shift(opens, shift) : null;
        e.RegistrationClosesAt = input.Closes is { } closes ? Shift(closes, shift) : null;
        e.Place = input.Place?.Trim();
        e.OnlineLink = input.OnlineLink?.Trim();
        e.Capacity = input.Capacity;
        e.Organiser = input.Organiser?.Trim();
        e.FeedbackSurvey = input.FeedbackSurvey == true;
        e.Themes = [.. (input.Themes ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()];
        e.Materials.Clear();
        foreach (var material in input.Materials ?? [])
        {
            e.Materials.Add(new EventMaterial { Id = Guid.CreateVersion7(), EventId = e.Id, Title = string.IsNullOrWhiteSpace(material.Title) ? material.Url! : material.Title.Trim(), Url = material.Url!.Trim() });
        }

        e.UpdatedAt = now;
    }

    /// <summary>Moves a time by whole weeks on the Helsinki wall clock, so 10.00 stays 10.00 across DST.</summary>
    private static DateTime Shift(DateTime utc, TimeSpan shift)
        => shift == TimeSpan.Zero ? utc : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(HelsinkiTime.ToLocal(utc) + shift, DateTimeKind.Unspecified), HelsinkiTime.Zone);
}
