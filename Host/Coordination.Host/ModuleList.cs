using Coordination.Dissemination;
using Coordination.Events;
using Coordination.Membership;
using Coordination.Monitoring;
using Coordination.PeerReview;
using Coordination.Shared.Modules;
using Coordination.Surveys;

namespace Coordination.Host;

/// <summary>The one place that lists the modules of the site.</summary>
internal static class ModuleList
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new MembershipModule(),
        new EventsModule(),
        new PeerReviewModule(),
        new SurveysModule(),
        new DisseminationModule(),
        new MonitoringModule(),
    ];
}
