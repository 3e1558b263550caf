using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Integration;

/// <summary>The facts network health needs (rules, letters, goals, working groups), for the
/// slices that publish them and for the republisher, so both send the same state.</summary>
internal static class HealthMessages
{
    public static NetworkRulesChanged Rules(NetworkRules rules, DateTime at)
        => new(rules.NetworkId, rules.Id, rules.Number, rules.PublishedAt,
            [.. rules.Acceptances.OrderBy(a => a.OrganisationId).Select(a => new RulesAccepted(a.OrganisationId, a.AcceptedOn))], at);

    /// <summary>When the rules last changed: published, or the newest acceptance recorded.</summary>
    public static DateTime ChangedAt(NetworkRules rules)
        => rules.Acceptances.Select(a => a.RecordedAt).Append(rules.PublishedAt).Max();

    /// <summary>The directory person of the organisation named as the signer (names compared
    /// without case), so Monitoring can check that they hold the leadership role.</summary>
    public static async Task<Guid?> SignerAsync(MembershipDbContext db, Guid organisationId, string? signedBy, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(signedBy))
        {
            return null;
        }

        var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId && p.ErasedAt == null).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return people.FirstOrDefault(p => string.Equals(p.Name.Trim(), signedBy.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
    }

    public static async Task<CommitmentLetterSaved> LetterAsync(MembershipDbContext db, CommitmentLetter letter, CancellationToken ct)
        => new(letter.Id, letter.ProjectId, letter.OrganisationId, letter.Tasks.Count, letter.SignedBy, letter.SignedOn,
            await SignerAsync(db, letter.OrganisationId, letter.SignedBy, ct), letter.UpdatedAt);

    public static GoalSaved Goal(Goal goal)
        => new(goal.Id, goal.NetworkId, goal.ProjectId, goal.Objective, goal.CreatedAt, goal.LastReviewedAt, ChangedAt(goal));

    public static DateTime ChangedAt(Goal goal) => goal.LastReviewedAt is { } reviewed && reviewed > goal.UpdatedAt ? reviewed : goal.UpdatedAt;

    public static WorkingGroupCoordinatorChanged Group(WorkingGroup group)
    {
        var term = group.CoordinatorTerms.SingleOrDefault(t => t.To is null);
        var at = group.CoordinatorTerms.SelectMany(t => new[] { t.From, t.To ?? t.From }).Append(group.CreatedAt).Max();
        return new(group.Id, group.NetworkId, group.Name, term?.PersonId, term?.From, at);
    }
}
