using Coordination.Surveys.Contracts;
using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.FollowUps;

/// <summary>What a wave's answers say about its model, as <see cref="ModelFollowedUp"/>: the
/// organisations that use it (in use or partly: the answering organisation and those it names)
/// of the project's organisations, and the strongest use reported.</summary>
internal static class FollowUpResults
{
    public static async Task<ModelFollowedUp?> ForAsync(SurveysDbContext db, FollowUpWave wave, DateTime now, CancellationToken ct)
    {
        var answers = await db.FollowUpAnswers.AsNoTracking().Where(a => a.WaveId == wave.Id).ToListAsync(ct);
        if (answers.Count == 0)
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == wave.ProjectId, ct);
        var organisations = project?.Organisations.Select(o => o.OrganisationId).ToHashSet() ?? [];
        organisations.UnionWith(answers.Select(a => a.OrganisationId).Where(o => o != Guid.Empty));
        var inUse = answers.Where(a => a.Use is "inUse" or "partly")
            .SelectMany(a => a.InUseAt.Append(a.OrganisationId))
            .Where(organisations.Contains)
            .ToHashSet();
        var use = FollowUpText.Uses.First(u => u == "dontKnow" || answers.Any(a => a.Use == u));
        var reason = use == "noLonger"
            ? answers.Where(a => a.Use == "noLonger" && !string.IsNullOrWhiteSpace(a.Hinders)).OrderByDescending(a => a.AnsweredAt).Select(a => a.Hinders).FirstOrDefault()
            : null;
        return new ModelFollowedUp(
            wave.ModelId, wave.NetworkId, wave.ProjectId, wave.Id, wave.Months, wave.ProjectEndedOn, use, inUse.Count, Math.Max(organisations.Count, 1), answers.Count,
            reason, answers.Max(a => a.AnsweredAt), now);
    }
}
