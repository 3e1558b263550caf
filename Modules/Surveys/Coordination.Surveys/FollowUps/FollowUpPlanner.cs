using Coordination.Shared.Localization;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Coordination.Surveys.FollowUps;

/// <summary>Plans the waves of an ended project's published models, at the offsets in
/// Coordination:Surveys:FollowUpMonths (default 12 and 24). A wave whose date has passed
/// (a project that ended long before follow-ups existed) is due today, at the next run, and each
/// later wave keeps its distance from the one before: no storm of overdue waves at once.</summary>
internal sealed class FollowUpPlanner(SurveysDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public IReadOnlyList<int> Offsets()
    {
        var configured = configuration.GetSection("Coordination:Surveys:FollowUpMonths").Get<int[]>();
        return configured is { Length: > 0 } ? [.. configured.Where(m => m is > 0 and <= 240).Distinct().Order()] : [12, 24];
    }

    /// <summary>Adds (without saving) the waves the project's published models lack.</summary>
    public async Task PlanAsync(KnownProject project, CancellationToken ct, Guid? onlyModel = null)
    {
        if (project.EndedOn is not { } ended)
        {
            return;
        }

        var models = await db.Models.Where(m => m.ProjectId == project.ProjectId && m.Published && (onlyModel == null || m.ModelId == onlyModel)).Select(m => m.ModelId).ToListAsync(ct);
        var existing = await db.FollowUpWaves.Where(w => w.ProjectId == project.ProjectId).Select(w => new { w.ModelId, w.Months }).ToListAsync(ct);
        var today = HelsinkiTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var model in models)
        {
            DateOnly? previousDue = null;
            var previousMonths = 0;
            foreach (var months in Offsets())
            {
                var due = ended.AddMonths(months);
                due = previousDue is { } before ? Max(due, before.AddMonths(months - previousMonths)) : Max(due, today);
                (previousDue, previousMonths) = (due, months);
                if (existing.Any(w => w.ModelId == model && w.Months == months))
                {
                    continue;
                }

                db.FollowUpWaves.Add(new FollowUpWave
                {
                    Id = Guid.CreateVersion7(), ProjectId = project.ProjectId, NetworkId = project.NetworkId, ModelId = model, Months = months,
                    ProjectEndedOn = ended, DueOn = due, Status = FollowUpStatus.Planned, PlannedAt = now,
                });
            }
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
