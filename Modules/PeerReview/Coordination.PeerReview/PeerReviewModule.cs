using Coordination.PeerReview.Data;
using Coordination.Shared.Modules;

namespace Coordination.PeerReview;

/// <summary>PeerReview: models judged by peers from other projects, then by experts.</summary>
public sealed class PeerReviewModule : IModule
{
    public string Name => "PeerReview";

    public void Register(ModuleBuilder module)
        => module.AddDatabase<PeerReviewDbContext, SqlitePeerReviewDbContext, PostgresPeerReviewDbContext>();
}
