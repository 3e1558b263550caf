using Coordination.Membership.Contracts;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.SaveNetwork;

internal enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

internal sealed record SaveResult(SaveOutcome Outcome, Guid Id, int Version, FormErrors Errors)
{
    public static SaveResult Failed(SaveOutcome outcome, FormErrors? errors = null) => new(outcome, Guid.Empty, 0, errors ?? FormErrors.None);
}

/// <summary>Creates and edits networks: validation, the unique Finnish name, optimistic
/// concurrency, the audit entry and the <see cref="NetworkCreated"/> event in one commit.</summary>
internal sealed class NetworkSaver(MembershipDbContext db, IValidator<NetworkInput> validator, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    public async Task<SaveResult> CreateAsync(NetworkInput input, string? userId, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (!errors.IsEmpty)
        {
            return SaveResult.Failed(SaveOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var network = new Network { Id = Guid.CreateVersion7(), CreatedAt = now, Version = 1 };
        Apply(network, input, now);
        db.Networks.Add(network);
        db.Publish(new NetworkCreated(network.Id, network.Name.Fi, network.Name.Sv, network.Name.En, now), now);
        db.Audit(userId, "CreateNetwork", nameof(Network), network.Id.ToString(), network.Name.Fi, now);
        return await SaveAsync(network, ct);
    }

    public async Task<SaveResult> UpdateAsync(Guid id, NetworkInput input, string? userId, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null)
        {
            return SaveResult.Failed(SaveOutcome.NotFound);
        }

        var errors = await ValidateAsync(input, id, ct);
        if (input.Version is null)
        {
            errors.Add("version", l["VersionRequired"]);
        }

        if (!errors.IsEmpty)
        {
            return SaveResult.Failed(SaveOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(network).Property(n => n.Version).OriginalValue = input.Version!.Value;
        Apply(network, input, now);
        network.Version = input.Version.Value + 1;
        db.Audit(userId, "EditNetwork", nameof(Network), network.Id.ToString(), network.Name.Fi, now);
        return await SaveAsync(network, ct);
    }

    /// <summary>Copies validated input onto the network.</summary>
    private static void Apply(Network network, NetworkInput input, DateTime now)
    {
        network.Name = input.Name!.ToText();
        network.Description = (input.Description ?? new LocalizedTextInput(null, null, null)).ToText();
        network.NormalizedName = Network.Normalize(network.Name.Fi);
        network.FundingProgramme = input.FundingProgramme?.Trim();
        network.UpdatedAt = now;
    }

    private async Task<FormErrors> ValidateAsync(NetworkInput input, Guid? id, CancellationToken ct)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (errors.IsEmpty && await NameTakenAsync(input.Name!.Fi!, id, ct))
        {
            errors.Add("name.fi", l["NameTaken"]);
        }

        return errors;
    }

    private Task<bool> NameTakenAsync(string name, Guid? id, CancellationToken ct)
    {
        var normalized = Network.Normalize(name);
        return db.Networks.AnyAsync(n => n.NormalizedName == normalized && n.Id != id, ct);
    }

    private async Task<SaveResult> SaveAsync(Network network, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveResult(SaveOutcome.Saved, network.Id, network.Version, FormErrors.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(SaveOutcome.Conflict);
        }
        catch (DbUpdateException)
        {
            // Another coordinator may have saved the same name a moment earlier (unique index).
            db.ChangeTracker.Clear();
            if (!await NameTakenAsync(network.Name.Fi, network.Id, ct))
            {
                throw;
            }

            var errors = new FormErrors();
            errors.Add("name.fi", l["NameTaken"]);
            return SaveResult.Failed(SaveOutcome.Invalid, errors);
        }
    }
}
