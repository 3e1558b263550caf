using System.Security.Claims;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Integration;
using Coordination.Membership.Resources;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Shared.Security;

namespace Coordination.Membership.Features.Goals;

internal enum GoalOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>Adds, edits (keeping the previous text as a revision) and reviews goals.</summary>
internal sealed class GoalSaver(MembershipDbContext db, IValidator<GoalInput> validator, ProjectAccess access, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    public async Task<(GoalOutcome Outcome, Guid Id, int Version, FormErrors Errors)> SaveAsync(Guid? id, GoalInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        Goal? goal = null;
        if (id is not null)
        {
            goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == id, ct);
            if (goal is null)
            {
                return (GoalOutcome.NotFound, Guid.Empty, 0, FormErrors.None);
            }

            // The owner of a goal never changes.
            input = input with { NetworkId = goal.NetworkId, ProjectId = goal.ProjectId };
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (errors.IsEmpty && await GoalEndpoints.OwnerAsync(db, input, ct) is null)
        {
            errors.Add(input.ProjectId is null ? "networkId" : "projectId", l[input.ProjectId is null ? "NetworkNotFound" : "ProjectNotFound"]);
        }

        if (goal is not null && input.Version is null)
        {
            errors.Add("version", l["VersionRequired"]);
        }

        if (errors.IsEmpty && !await GoalEndpoints.CanWriteAsync(access, user, input, ct))
        {
            return (GoalOutcome.Forbidden, Guid.Empty, 0, FormErrors.None);
        }

        if (!errors.IsEmpty)
        {
            return (GoalOutcome.Invalid, Guid.Empty, 0, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (goal is null)
        {
            goal = new Goal { Id = Guid.CreateVersion7(), NetworkId = input.NetworkId, ProjectId = input.ProjectId, CreatedAt = now, Version = 1 };
            db.Goals.Add(goal);
        }
        else
        {
            db.Add(new GoalRevision
            {
                Id = Guid.CreateVersion7(), GoalId = goal.Id, Version = goal.Version, FocusArea = goal.FocusArea, Objective = goal.Objective,
                Activities = goal.Activities, Results = goal.Results, Monitoring = goal.Monitoring, EditedAt = now, EditedBy = user.UserId(),
            });
            db.Entry(goal).Property(g => g.Version).OriginalValue = input.Version!.Value;
            goal.Version = input.Version.Value + 1;
        }

        goal.FocusArea = input.FocusArea?.Trim();
        goal.Objective = input.Objective!.Trim();
        goal.Activities = input.Activities?.Trim();
        goal.Results = input.Results?.Trim();
        goal.Monitoring = input.Monitoring?.Trim();
        goal.UpdatedAt = now;
        db.Audit(user.UserId(), id is null ? "CreateGoal" : "EditGoal", nameof(Goal), goal.Id.ToString(), null, now);
        db.Publish(HealthMessages.Goal(goal), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (GoalOutcome.Conflict, goal.Id, 0, FormErrors.None);
        }

        return (GoalOutcome.Saved, goal.Id, goal.Version, FormErrors.None);
    }

    public async Task<GoalOutcome> ReviewAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == id, ct);
        if (goal is null)
        {
            return GoalOutcome.NotFound;
        }

        if (!await GoalEndpoints.CanWriteAsync(access, user, GoalInput.From(goal), ct))
        {
            return GoalOutcome.Forbidden;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        goal.LastReviewedAt = now;
        db.Audit(user.UserId(), "ReviewGoal", nameof(Goal), goal.Id.ToString(), null, now);
        db.Publish(HealthMessages.Goal(goal), now);
        await db.SaveChangesAsync(ct);
        return GoalOutcome.Saved;
    }
}
