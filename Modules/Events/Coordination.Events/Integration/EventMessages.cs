using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Integration;

/// <summary>What Events' integration events carry, for the slices that publish them and for the republisher.</summary>
internal static class EventMessages
{
    public static EventScheduled Scheduled(Event e, DateTime changedAt)
        => new(e.Id, e.NetworkId, EnumText.Of(e.Type), EnumText.Of(e.Audience), e.Title.Fi, e.Title.Sv, e.Title.En, e.StartsAt, e.EndsAt, e.Place,
            !string.IsNullOrWhiteSpace(e.OnlineLink), e.Sequence, changedAt);

    /// <summary><see cref="EventHeld"/> of a held event with its attendees; a directory person
    /// among them (by e-mail) with their organisation and projects. Also what Events republishes.</summary>
    public static async Task<EventHeld> HeldAsync(EventsDbContext db, Event e, CancellationToken ct)
    {
        var attendees = await db.Registrations.AsNoTracking().Where(r => r.EventId == e.Id && r.Attended).OrderBy(r => r.Name).ThenBy(r => r.Email).ToListAsync(ct);
        var emails = attendees.Select(a => a.Email).ToList();
        var people = (await db.People.AsNoTracking().Where(p => emails.Contains(p.Email)).ToListAsync(ct))
            .GroupBy(p => p.Email).ToDictionary(g => g.Key, g => g.First());
        var organisations = attendees.Where(a => !string.IsNullOrWhiteSpace(a.Organisation)).Select(a => a.Organisation!.Trim().ToLowerInvariant()).Distinct().Count();
        return new EventHeld(
            e.Id, e.NetworkId, EnumText.Of(e.Type), e.Title.Fi, e.StartsAt, e.EndsAt,
            [.. attendees.Select(a => people.TryGetValue(a.Email, out var p)
                ? new Attendee(a.Email, a.Name, a.Organisation, p.PersonId, p.OrganisationId, p.ProjectIds)
                : new Attendee(a.Email, a.Name, a.Organisation))],
            attendees.Count, organisations, e.HeldAt!.Value, e.FeedbackSurvey);
    }
}
