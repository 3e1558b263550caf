using Coordination.Membership.Data;
using Coordination.Membership.Integration;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.ViewNetwork;

internal enum SettingOutcome
{
    Saved,
    Invalid,
    NotFound,
}

internal sealed record SettingResult(SettingOutcome Outcome, Guid? Id, FormErrors Errors)
{
    public static SettingResult NotFound { get; } = new(SettingOutcome.NotFound, null, FormErrors.None);

    public static SettingResult Invalid(string field, string message)
    {
        var errors = new FormErrors();
        errors.Add(field, message);
        return new(SettingOutcome.Invalid, null, errors);
    }
}

/// <summary>The changes of <see cref="NetworkSettingsEndpoints"/>, each validated and audited.</summary>
internal sealed class NetworkSettings(MembershipDbContext db, TimeProvider clock, IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
{
    public async Task<SettingResult> ChangePhaseAsync(Guid id, PhaseInput input, string? userId, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null)
        {
            return SettingResult.NotFound;
        }

        if (!EnumText.TryParse<NetworkPhase>(input.Phase, out var phase))
        {
            return SettingResult.Invalid("phase", l["PhaseInvalid"]);
        }

        if (input.Note?.Length > 1000)
        {
            return SettingResult.Invalid("note", shared.Plural("TooLong", 1000, l["PhaseNote"]));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        network.Phase = phase;
        network.UpdatedAt = now;
        db.PhaseChanges.Add(new NetworkPhaseChange { Id = Guid.CreateVersion7(), NetworkId = id, Phase = phase, Note = input.Note?.Trim(), ChangedAt = now, ChangedBy = userId });
        db.Audit(userId, "ChangeNetworkPhase", nameof(Network), id.ToString(), EnumText.Of(phase), now);
        await db.SaveChangesAsync(ct);
        return new(SettingOutcome.Saved, null, FormErrors.None);
    }

    public async Task<SettingResult> AddThemeAsync(Guid id, ThemeInput input, string? userId, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct))
        {
            return SettingResult.NotFound;
        }

        var name = input.Name;
        if (string.IsNullOrWhiteSpace(name?.Fi))
        {
            return SettingResult.Invalid("theme.fi", string.Format(shared["Required"], l["ThemeName"]));
        }

        if (new[] { name.Fi, name.Sv, name.En }.Any(t => t?.Length > 100))
        {
            return SettingResult.Invalid("theme.fi", shared.Plural("TooLong", 100, l["ThemeName"]));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var theme = new NetworkTheme { Id = Guid.CreateVersion7(), NetworkId = id, Name = new LocalizedTextInput(name.Fi.Trim(), name.Sv?.Trim(), name.En?.Trim()).ToText() };
        db.Themes.Add(theme);
        db.Audit(userId, "AddTheme", nameof(Network), id.ToString(), theme.Name.Fi, now);
        await db.SaveChangesAsync(ct);
        return new(SettingOutcome.Saved, theme.Id, FormErrors.None);
    }

    public async Task<SettingResult> RemoveThemeAsync(Guid id, Guid themeId, string? userId, CancellationToken ct)
    {
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId && t.NetworkId == id, ct);
        if (theme is null)
        {
            return SettingResult.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Themes.Remove(theme);
        foreach (var project in await db.Projects.Where(p => p.NetworkId == id && p.ThemeIds.Contains(themeId)).ToListAsync(ct))
        {
            project.ThemeIds.Remove(themeId);
            db.Entry(project).Property(p => p.ThemeIds).IsModified = true;
        }

        db.Audit(userId, "RemoveTheme", nameof(Network), id.ToString(), theme.Name.Fi, now);
        await db.SaveChangesAsync(ct);
        return new(SettingOutcome.Saved, null, FormErrors.None);
    }

    public async Task<SettingResult> PublishRulesAsync(Guid id, RulesInput input, string? userId, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct))
        {
            return SettingResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return SettingResult.Invalid("text", string.Format(shared["Required"], l["RulesText"]));
        }

        if (input.Text.Length > 20000)
        {
            return SettingResult.Invalid("text", shared.Plural("TooLong", 20000, l["RulesText"]));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var number = (await db.Rules.Where(r => r.NetworkId == id).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var rules = new NetworkRules { Id = Guid.CreateVersion7(), NetworkId = id, Number = number, Text = input.Text.Trim(), PublishedAt = now };
        db.Rules.Add(rules);
        db.Audit(userId, "PublishRules", nameof(Network), id.ToString(), $"v{number}", now);
        db.Publish(HealthMessages.Rules(rules, now), now);
        await db.SaveChangesAsync(ct);
        return new(SettingOutcome.Saved, rules.Id, FormErrors.None);
    }

    public async Task<SettingResult> AcceptRulesAsync(Guid id, AcceptanceInput input, string? userId, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct))
        {
            return SettingResult.NotFound;
        }

        var rules = await db.Rules.Include(r => r.Acceptances).Where(r => r.NetworkId == id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        if (rules is null)
        {
            return SettingResult.Invalid("organisationId", l["NoRulesYetLong"]);
        }

        var errors = new FormErrors();
        if (input.OrganisationId is not { } organisationId || !await ViewNetworkEndpoints.OrganisationsOf(db, id).AnyAsync(o => o.Id == organisationId, ct))
        {
            errors.Add("organisationId", l["OrganisationNotInNetwork"]);
        }

        if (string.IsNullOrWhiteSpace(input.AcceptedBy))
        {
            errors.Add("acceptedBy", string.Format(shared["Required"], l["AcceptedBy"]));
        }
        else if (input.AcceptedBy.Length > 200)
        {
            errors.Add("acceptedBy", shared.Plural("TooLong", 200, l["AcceptedBy"]));
        }

        if (input.AcceptedOn is null)
        {
            errors.Add("acceptedOn", string.Format(shared["Required"], l["AcceptedOn"]));
        }

        if (!errors.IsEmpty)
        {
            return new(SettingOutcome.Invalid, null, errors);
        }

        if (await db.RulesAcceptances.AnyAsync(a => a.RulesId == rules.Id && a.OrganisationId == input.OrganisationId, ct))
        {
            return SettingResult.Invalid("organisationId", l["AlreadyAccepted"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var acceptance = new RulesAcceptance { Id = Guid.CreateVersion7(), RulesId = rules.Id, OrganisationId = input.OrganisationId!.Value, AcceptedBy = input.AcceptedBy!.Trim(), AcceptedOn = input.AcceptedOn!.Value, RecordedAt = now };
        rules.Acceptances.Add(acceptance);
        db.Audit(userId, "RecordRulesAcceptance", nameof(Network), id.ToString(), $"v{rules.Number}", now);
        db.Publish(HealthMessages.Rules(rules, now), now);
        await db.SaveChangesAsync(ct);
        return new(SettingOutcome.Saved, acceptance.Id, FormErrors.None);
    }
}
