using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Integration;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.WorkingGroups;

/// <summary>Saves groups and rotates their coordinator, audited.</summary>
internal sealed class GroupSaver(MembershipDbContext db, TimeProvider clock, IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
{
    public async Task<(Guid? Id, FormErrors Errors)> SaveAsync(Guid? id, GroupInput input, string? userId, CancellationToken ct)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("name", string.Format(shared["Required"], l["GroupName"]));
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add("name", shared.Plural("TooLong", 200, l["GroupName"]));
        }

        if (input.Theme?.Trim().Length > 200)
        {
            errors.Add("theme", shared.Plural("TooLong", 200, l["GroupTheme"]));
        }

        if (input.NetworkId is not { } networkId || !await db.Networks.AnyAsync(n => n.Id == networkId, ct))
        {
            errors.Add("networkId", l["NetworkNotFound"]);
        }

        var members = (input.MemberIds ?? []).Distinct().ToList();
        if (await db.People.CountAsync(p => members.Contains(p.Id) && p.ErasedAt == null, ct) != members.Count)
        {
            errors.Add("memberIds", l["PersonNotFound"]);
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var group = id is null ? null : await db.WorkingGroups.SingleOrDefaultAsync(g => g.Id == id, ct);
        var created = false;
        if (group is null)
        {
            group = new WorkingGroup { Id = Guid.CreateVersion7(), NetworkId = input.NetworkId!.Value, CreatedAt = now };
            db.WorkingGroups.Add(group);
            created = true;
        }

        group.Name = input.Name!.Trim();
        group.Theme = input.Theme?.Trim();
        group.MemberIds = members;
        db.Audit(userId, id is null ? "CreateWorkingGroup" : "EditWorkingGroup", nameof(WorkingGroup), group.Id.ToString(), group.Name, now);
        if (created)
        {
            // Network health counts the group from its creation (no coordinator yet).
            db.Publish(HealthMessages.Group(group), now);
        }
        await db.SaveChangesAsync(ct);
        return (group.Id, FormErrors.None);
    }

    public async Task<(bool Found, FormErrors Errors)> RotateAsync(Guid id, CoordinatorInput input, string? userId, CancellationToken ct)
    {
        var group = await db.WorkingGroups.Include(g => g.CoordinatorTerms).SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return (false, FormErrors.None);
        }

        var errors = new FormErrors();
        if (input.PersonId is not { } personId || !group.MemberIds.Contains(personId))
        {
            errors.Add("personId", l["CoordinatorMustBeMember"]);
            return (true, errors);
        }

        var current = group.CoordinatorTerms.SingleOrDefault(t => t.To is null);
        if (current?.PersonId == personId)
        {
            return (true, FormErrors.None);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        current?.To = now;
        group.CoordinatorTerms.Add(new CoordinatorTerm { Id = Guid.CreateVersion7(), GroupId = group.Id, PersonId = personId, From = now });
        db.Audit(userId, "RotateGroupCoordinator", nameof(WorkingGroup), group.Id.ToString(), null, now);
        db.Publish(HealthMessages.Group(group), now);
        await db.SaveChangesAsync(ct);
        return (true, FormErrors.None);
    }
}
