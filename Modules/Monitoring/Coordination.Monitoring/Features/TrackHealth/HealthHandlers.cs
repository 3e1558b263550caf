using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Features.TrackHealth;

/// <summary>Keeps the facts network health needs from Membership: rules with their acceptances,
/// commitment letters, goals and working groups' coordinators. Each event carries the full state;
/// the newest one wins, so a republished state and a late redelivery land the same way.</summary>
internal sealed class HealthHandlers(MonitoringDbContext db) :
    IIntegrationEventHandler<NetworkRulesChanged>,
    IIntegrationEventHandler<CommitmentLetterSaved>,
    IIntegrationEventHandler<GoalSaved>,
    IIntegrationEventHandler<WorkingGroupCoordinatorChanged>
{
    public async Task HandleAsync(NetworkRulesChanged e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var rules = await db.Rules.SingleOrDefaultAsync(r => r.RulesId == e.RulesId, cancellationToken);
        if (rules is null)
        {
            rules = new RulesFact { RulesId = e.RulesId, ChangedAt = DateTime.UnixEpoch };
            db.Rules.Add(rules);
        }

        if (e.OccurredAt < rules.ChangedAt)
        {
            return;
        }

        rules.NetworkId = e.NetworkId;
        rules.Number = e.Number;
        rules.PublishedAt = e.PublishedAt;
        rules.ChangedAt = e.OccurredAt;
        var kept = await db.RulesAcceptances.Where(a => a.RulesId == e.RulesId).ToListAsync(cancellationToken);
        db.RulesAcceptances.RemoveRange(kept.Where(k => e.Acceptances.All(a => a.OrganisationId != k.OrganisationId)));
        foreach (var acceptance in e.Acceptances.DistinctBy(a => a.OrganisationId))
        {
            var row = kept.FirstOrDefault(k => k.OrganisationId == acceptance.OrganisationId);
            if (row is null)
            {
                row = new RulesAcceptanceFact { RulesId = e.RulesId, OrganisationId = acceptance.OrganisationId };
                db.RulesAcceptances.Add(row);
            }

            row.AcceptedOn = acceptance.AcceptedOn;
        }
    }

    public async Task HandleAsync(CommitmentLetterSaved e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.SingleOrDefaultAsync(l => l.LetterId == e.LetterId, cancellationToken);
        if (letter is null)
        {
            letter = new LetterFact { LetterId = e.LetterId, ChangedAt = DateTime.UnixEpoch };
            db.Letters.Add(letter);
        }

        if (e.OccurredAt < letter.ChangedAt)
        {
            return;
        }

        letter.ProjectId = e.ProjectId;
        letter.OrganisationId = e.OrganisationId;
        letter.TaskCount = e.TaskCount;
        letter.SignedOn = e.SignedOn;
        letter.SignerNamed = !string.IsNullOrWhiteSpace(e.SignedBy);
        letter.SignerPersonId = e.SignerPersonId;
        letter.ChangedAt = e.OccurredAt;
    }

    public async Task HandleAsync(GoalSaved e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.GoalId == e.GoalId, cancellationToken);
        if (goal is null)
        {
            goal = new GoalFact { GoalId = e.GoalId, ChangedAt = DateTime.UnixEpoch };
            db.Goals.Add(goal);
        }

        if (e.OccurredAt < goal.ChangedAt)
        {
            return;
        }

        goal.NetworkId = e.NetworkId;
        goal.ProjectId = e.ProjectId;
        goal.Objective = e.Objective.Length > 4000 ? e.Objective[..4000] : e.Objective;
        goal.CreatedAt = e.CreatedAt;
        goal.LastReviewedAt = e.LastReviewedAt;
        goal.ChangedAt = e.OccurredAt;
    }

    public async Task HandleAsync(WorkingGroupCoordinatorChanged e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var group = await db.WorkingGroups.SingleOrDefaultAsync(g => g.GroupId == e.GroupId, cancellationToken);
        if (group is null)
        {
            group = new WorkingGroupFact { GroupId = e.GroupId, ChangedAt = DateTime.UnixEpoch };
            db.WorkingGroups.Add(group);
        }

        if (e.OccurredAt < group.ChangedAt)
        {
            return;
        }

        group.NetworkId = e.NetworkId;
        group.Name = e.GroupName;
        group.CoordinatorPersonId = e.CoordinatorPersonId;
        group.Since = e.Since;
        group.ChangedAt = e.OccurredAt;
    }
}
