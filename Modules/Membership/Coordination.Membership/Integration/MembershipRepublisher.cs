using System.Runtime.CompilerServices;
using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Shared.Messaging;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Integration;

/// <summary>Membership's current state for a module that subscribed late: networks, projects
/// (joined when created, updated to today's state, ended), people (registered, updated to
/// today's state, or erased), and what network health needs (rules with their acceptances,
/// commitment letters, goals, working groups' coordinators). Times are the rows' own, so the same
/// state gives the same events.</summary>
internal sealed class MembershipRepublisher(MembershipDbContext db) : IStateRepublisher
{
    public async IAsyncEnumerable<RepublishedEvent> StateAsync(IReadOnlySet<Type> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (wanted.Contains(typeof(NetworkCreated)))
        {
            foreach (var n in await db.Networks.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken))
            {
                yield return new(new NetworkCreated(n.Id, n.Name.Fi, n.Name.Sv, n.Name.En, n.CreatedAt), n.CreatedAt);
            }
        }

        if (wanted.Contains(typeof(ProjectJoinedNetwork)) || wanted.Contains(typeof(ProjectUpdated)) || wanted.Contains(typeof(ProjectEnded)))
        {
            var projects = await db.Projects.AsNoTracking().Include(p => p.Partners).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
            foreach (var p in projects)
            {
                var organisations = await ProjectMessages.OrganisationsOfAsync(db, p, cancellationToken);
                yield return new(new ProjectJoinedNetwork(p.Id, p.NetworkId, p.Name, p.Acronym, p.StartDate, p.EndDate, organisations, p.CreatedAt), p.CreatedAt);
                if (p.UpdatedAt > p.CreatedAt)
                {
                    yield return new(new ProjectUpdated(p.Id, p.NetworkId, p.Name, p.Acronym, p.StartDate, p.EndDate, organisations, p.UpdatedAt), p.UpdatedAt);
                }

                if (p.EndedAt is { } ended)
                {
                    yield return new(new ProjectEnded(p.Id, p.NetworkId, p.Name, p.EndDate, ended), ended);
                }
            }
        }

        if (wanted.Contains(typeof(PersonRegistered)) || wanted.Contains(typeof(PersonUpdated)) || wanted.Contains(typeof(PersonErased)))
        {
            var people = await db.People.AsNoTracking().Include(p => p.Roles).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
            foreach (var p in people)
            {
                if (p.ErasedAt is { } erased)
                {
                    yield return new(new PersonErased(p.Id, erased), erased);
                    continue;
                }

                var roles = p.Roles.OrderBy(r => r.Role).ThenBy(r => r.ProjectId).ThenBy(r => r.NetworkId)
                    .Select(r => new PersonRole(EnumText.Of(r.Role), r.ProjectId, r.NetworkId)).ToList();
                yield return new(new PersonRegistered(p.Id, p.Name, p.Email, p.OrganisationId, p.Language, roles, p.CreatedAt), p.CreatedAt);
                if (p.UpdatedAt > p.CreatedAt)
                {
                    yield return new(new PersonUpdated(p.Id, p.Name, p.Email, p.OrganisationId, p.Language, roles, p.UpdatedAt), p.UpdatedAt);
                }
            }
        }

        if (wanted.Contains(typeof(NetworkRulesChanged)))
        {
            foreach (var r in await db.Rules.AsNoTracking().Include(r => r.Acceptances).OrderBy(r => r.PublishedAt).ToListAsync(cancellationToken))
            {
                var at = HealthMessages.ChangedAt(r);
                yield return new(HealthMessages.Rules(r, at), at);
            }
        }

        if (wanted.Contains(typeof(CommitmentLetterSaved)))
        {
            foreach (var letter in await db.CommitmentLetters.AsNoTracking().OrderBy(l => l.UpdatedAt).ToListAsync(cancellationToken))
            {
                yield return new(await HealthMessages.LetterAsync(db, letter, cancellationToken), letter.UpdatedAt);
            }
        }

        if (wanted.Contains(typeof(GoalSaved)))
        {
            foreach (var goal in await db.Goals.AsNoTracking().OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken))
            {
                yield return new(HealthMessages.Goal(goal), HealthMessages.ChangedAt(goal));
            }
        }

        if (wanted.Contains(typeof(WorkingGroupCoordinatorChanged)))
        {
            foreach (var group in await db.WorkingGroups.AsNoTracking().Include(g => g.CoordinatorTerms).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken))
            {
                var message = HealthMessages.Group(group);
                yield return new(message, message.OccurredAt);
            }
        }
    }
}
