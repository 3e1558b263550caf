using Coordination.Events.Contracts;
using Coordination.Events.Data;
using Coordination.Shared.Localization;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Meetings;

/// <summary>Approving an event's minutes: the newest draft becomes an approved version (never
/// changed after), the event's decisions without a number get the next numbers of the network
/// and year, and MinutesApproved and DecisionMade go to the outbox, all in one transaction.</summary>
internal static class MinutesApproval
{
    public enum Outcome
    {
        Approved,
        NoDraft,
        NotFound,
    }

    public static async Task<Outcome> ApproveAsync(EventsDbContext db, Guid eventId, string? userId, DateTime now, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome.NotFound;
        }

        var year = HelsinkiTime.ToLocal(e.StartsAt).Year;
        await EnsureCounterAsync(db, e.NetworkId, year, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var draft = await db.Minutes.AsNoTracking().Where(m => m.EventId == eventId && m.ApprovedAt == null).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        // The conditional update is the approval: of two at once, one finds the draft approved already.
        if (draft is null || await db.Minutes.Where(m => m.Id == draft.Id && m.ApprovedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ApprovedAt, now).SetProperty(m => m.ApprovedBy, userId), ct) == 0)
        {
            return Outcome.NoDraft;
        }

        var pending = await db.Decisions.Where(d => d.EventId == eventId && d.Number == null).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        if (pending.Count > 0)
        {
            // Raising the counter locks its row until commit (PostgreSQL; SQLite has one writer):
            // a concurrent approval in the same network and year waits, then counts on from ours.
            await db.DecisionCounters.Where(c => c.NetworkId == e.NetworkId && c.Year == year)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Last, c => c.Last + pending.Count), ct);
            var last = await db.DecisionCounters.AsNoTracking().Where(c => c.NetworkId == e.NetworkId && c.Year == year).Select(c => c.Last).SingleAsync(ct);
            var number = last - pending.Count;
            foreach (var decision in pending)
            {
                decision.Year = year;
                decision.Number = ++number;
                db.Publish(new DecisionMade(decision.Id, eventId, e.NetworkId, year, number, decision.Text, e.Audience == EventAudience.SteeringGroup, now), now);
            }
        }

        db.Audit(userId, "ApproveMinutes", nameof(Minutes), draft.Id.ToString(), $"{e.Title.Fi} ({draft.Version})", now);
        db.Publish(new MinutesApproved(eventId, e.NetworkId, Shared.Web.EnumText.Of(e.Type), e.StartsAt, draft.Version, pending.Count, now, e.ProjectId), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome.Approved;
    }

    /// <summary>The counter row of a network and year, made outside the approving transaction: a
    /// concurrent first approval may insert it at the same moment, and the loser's failed insert
    /// must not abort the transaction that numbers (PostgreSQL aborts on any error).</summary>
    private static async Task EnsureCounterAsync(EventsDbContext db, Guid networkId, int year, CancellationToken ct)
    {
        if (await db.DecisionCounters.AnyAsync(c => c.NetworkId == networkId && c.Year == year, ct))
        {
            return;
        }

        var counter = new DecisionCounter { NetworkId = networkId, Year = year };
        db.DecisionCounters.Add(counter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Made by the other approval first: it is there now, which is all we need.
        }
        finally
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    /// <summary>Saves the minutes text: into the open draft, or as a new draft version after the
    /// newest (an approved version stays as it is).</summary>
    public static async Task SaveDraftAsync(EventsDbContext db, Guid eventId, string text, string? userId, DateTime now, CancellationToken ct, bool retry = true)
    {
        db.Audit(userId, "SaveMinutesDraft", nameof(Event), eventId.ToString(), null, now);
        var latest = await db.Minutes.Where(m => m.EventId == eventId).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        if (latest is { ApprovedAt: null })
        {
            latest.Text = text;
            latest.UpdatedAt = now;
        }
        else
        {
            db.Minutes.Add(new Minutes { Id = Guid.CreateVersion7(), EventId = eventId, Version = (latest?.Version ?? 0) + 1, Text = text, CreatedAt = now, UpdatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (retry)
        {
            // Two first saves at once: the unique (event, version) kept one; save into it.
            db.ChangeTracker.Clear();
            await SaveDraftAsync(db, eventId, text, userId, now, ct, retry: false);
        }
    }
}
