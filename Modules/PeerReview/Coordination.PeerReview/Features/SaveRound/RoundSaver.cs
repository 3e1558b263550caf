using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.PeerReview.Rounds;
using Coordination.Shared.Data;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.SaveRound;

internal enum SaveRoundOutcome
{
    Saved,
    NotFound,
    Invalid,
    CriteriaFrozen,
}

/// <summary>Creates and edits a round for the API and the form alike, so that their rules cannot
/// drift: criteria that change once a review is submitted are refused (the same criteria sent
/// again are not a change).</summary>
internal sealed class RoundSaver(PeerReviewDbContext db, TimeProvider clock, IStringLocalizer<PeerReviewStrings> l)
{
    public async Task<(SaveRoundOutcome Outcome, Guid Id, FormErrors Errors)> SaveAsync(Guid? id, RoundInput input, string? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var round = id is { } existing
            ? await db.Rounds.SingleOrDefaultAsync(r => r.Id == existing, ct)
            : new Round { Id = Guid.CreateVersion7(), CreatedAt = now };
        if (round is null)
        {
            return (SaveRoundOutcome.NotFound, Guid.Empty, FormErrors.None);
        }

        var before = RoundInput.ToLines(round.Criteria);
        var errors = await input.ApplyToAsync(round, db, l, ct);
        if (!errors.IsEmpty)
        {
            return (SaveRoundOutcome.Invalid, round.Id, errors);
        }

        if (id is not null && RoundInput.ToLines(round.Criteria) != before
            && await db.Reviews.AnyAsync(r => r.RoundId == round.Id && r.Status == ReviewStatus.Submitted, ct))
        {
            errors.Add("criteria", l["CriteriaFrozen"]);
            return (SaveRoundOutcome.CriteriaFrozen, round.Id, errors);
        }

        round.UpdatedAt = now;
        if (id is null)
        {
            db.Rounds.Add(round);
        }

        db.Audit(userId, id is null ? "CreateRound" : "EditRound", nameof(Round), round.Id.ToString(), round.Name, now);
        await db.SaveChangesAsync(ct);
        return (SaveRoundOutcome.Saved, round.Id, errors);
    }
}
