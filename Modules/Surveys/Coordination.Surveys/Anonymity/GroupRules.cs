using Coordination.Surveys.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Coordination.Surveys.Anonymity;

/// <summary>The rules that keep anonymous answers unlinkable to people, with the smallest group
/// shown anywhere (Coordination:Surveys:MinimumGroupSize, default 5):
/// an anonymous answer carries its invitee's project only when that project has at least the
/// minimum number of invitees (so no answer points at a group smaller than that); the results
/// show a project as its own group only then, and when the invitees left over would form a group
/// smaller than the minimum, the smallest project joins them; the invitation list of an anonymous
/// survey shows no one as answered and the count of answers only from the minimum up.</summary>
internal sealed class GroupRules(IConfiguration configuration)
{
    public int MinimumGroupSize => Math.Max(1, configuration.GetValue("Coordination:Surveys:MinimumGroupSize", 5));

    /// <summary>The project an anonymous answer through <paramref name="invitation"/> may carry.</summary>
    public async Task<Guid?> AnonymousProjectAsync(SurveysDbContext db, Invitation invitation, CancellationToken ct)
        => invitation.ProjectId is { } project && await db.Invitations.CountAsync(i => i.SurveyId == invitation.SurveyId && i.ProjectId == project, ct) >= MinimumGroupSize
            ? project
            : null;

    /// <summary>Of an anonymous survey, the projects shown as groups of their own, given the
    /// invitees per project and the projects that answers carry; every other project's answers
    /// and invitees are counted in the group without a project.</summary>
    public IReadOnlySet<Guid> ShownProjects(IReadOnlyDictionary<Guid, int> invitedByProject, int invitedWithoutProject, IEnumerable<Guid> answeredProjects)
    {
        var minimum = MinimumGroupSize;
        var shown = invitedByProject.Where(p => p.Value >= minimum).Select(p => p.Key).Union(answeredProjects).ToHashSet();
        int Rest() => invitedWithoutProject + invitedByProject.Where(p => !shown.Contains(p.Key)).Sum(p => p.Value);
        while (Rest() is > 0 and var rest && rest < minimum && shown.Count > 0)
        {
            shown.Remove(shown.OrderBy(p => invitedByProject.GetValueOrDefault(p)).ThenBy(p => p).First());
        }

        return shown;
    }

    /// <summary>The number of answers the invitation list of a survey may show: all for an
    /// identified survey, for an anonymous one none below the minimum.</summary>
    public int? ShownAnswerCount(Survey survey, int answered) => !survey.Anonymous || answered >= MinimumGroupSize ? answered : null;
}
