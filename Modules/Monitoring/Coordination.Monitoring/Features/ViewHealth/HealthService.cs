using Coordination.Monitoring.Data;
using Coordination.Monitoring.Health;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Features.ViewHealth;

/// <summary>A month of the trend: each mark's status for the network at that month's end.</summary>
internal sealed record TrendMonth(int Month, IReadOnlyDictionary<string, string> Statuses);

/// <summary>Saves a network's thresholds (audited), keeps the checklist at each month's end and
/// reads it back as a trend.</summary>
internal sealed class HealthService(MonitoringDbContext db, HealthCalculator calculator, TimeProvider clock, IStringLocalizer<MonitoringStrings> l)
{
    public async Task<FormErrors> SaveSettingsAsync(Guid networkId, HealthSettingsInput input, string? userId, CancellationToken ct)
    {
        var (values, errors) = input.Validate(l);
        if (values is null)
        {
            return errors;
        }

        var settings = await db.HealthSettings.SingleOrDefaultAsync(s => s.NetworkId == networkId, ct);
        if (settings is null)
        {
            settings = new HealthSettings { NetworkId = networkId };
            db.HealthSettings.Add(settings);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        settings.ActivityWeeks = values[0];
        settings.RotationMonths = values[1];
        settings.GoalMonths = values[2];
        settings.TrustMonths = values[3];
        settings.KnowledgeMonths = values[4];
        settings.MotivationMonths = values[5];
        settings.UpdatedAt = now;
        db.Audit(userId, "SaveHealthSettings", nameof(HealthSettings), networkId.ToString(), string.Join(",", values), now);
        await db.SaveChangesAsync(ct);
        return FormErrors.None;
    }

    /// <summary>Keeps the checklist of every network and its projects for the month that ended
    /// before <paramref name="now"/>, unless that month is already kept (a run after downtime
    /// catches up once; a second run changes nothing). Returns the number of networks kept.</summary>
    public async Task<int> SnapshotAsync(DateTime now, CancellationToken ct)
    {
        var month = HealthCalculator.LastMonths(now, 1)[0];
        var kept = await db.HealthSnapshots.Where(s => s.Month == month).Select(s => s.NetworkId).Distinct().ToListAsync(ct);
        var networks = await db.Networks.AsNoTracking().Where(n => !kept.Contains(n.NetworkId)).Select(n => n.NetworkId).ToListAsync(ct);
        foreach (var networkId in networks)
        {
            var health = await calculator.ComputeAsync(networkId, now, ct);
            Add(networkId, Guid.Empty, month, health.Marks, now);
            foreach (var project in health.Projects)
            {
                Add(networkId, project.ProjectId, month, project.Marks, now);
            }

            await db.SaveChangesAsync(ct);
        }

        return networks.Count;
    }

    /// <summary>The kept months of a network (or of one of its projects), oldest first.</summary>
    public async Task<List<TrendMonth>> TrendAsync(Guid networkId, Guid? projectId, CancellationToken ct)
    {
        var scope = projectId ?? Guid.Empty;
        var rows = await db.HealthSnapshots.AsNoTracking().Where(s => s.NetworkId == networkId && s.ProjectId == scope).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Month).OrderBy(g => g.Key).Select(g => new TrendMonth(g.Key, g.ToDictionary(r => r.Key, r => r.Status)))];
    }

    private void Add(Guid networkId, Guid projectId, int month, IReadOnlyList<Mark> marks, DateTime now)
    {
        foreach (var mark in marks)
        {
            db.HealthSnapshots.Add(new HealthSnapshot { Id = Guid.CreateVersion7(), NetworkId = networkId, ProjectId = projectId, Month = month, Key = mark.Key, Status = mark.Status, TakenAt = now });
        }
    }
}

/// <summary>Daily just after midnight (Helsinki): keeps the checklist as it stood at the end of the
/// month that ended, once per month.</summary>
internal sealed class HealthSnapshotJob(HealthService service, TimeProvider clock) : Shared.Jobs.IRecurringJob
{
    public const string Id = "health-snapshots";

    public Task RunAsync(CancellationToken cancellationToken) => service.SnapshotAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
