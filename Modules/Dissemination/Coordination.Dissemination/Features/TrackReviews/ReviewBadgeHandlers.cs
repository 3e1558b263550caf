using Coordination.Dissemination.Data;
using Coordination.PeerReview.Contracts;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.TrackReviews;

/// <summary>The method bank's review badges: PeerReview's released outcomes set the model's
/// peer- or expert-reviewed date (the first one stays).</summary>
internal sealed class ReviewBadgeHandlers(DisseminationDbContext db) :
    IIntegrationEventHandler<ModelPeerReviewed>,
    IIntegrationEventHandler<ModelExpertReviewed>
{
    public async Task HandleAsync(ModelPeerReviewed e, IntegrationEventContext context, CancellationToken cancellationToken)
        => await db.Models.Where(m => m.Id == e.ModelId && m.PeerReviewedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.PeerReviewedAt, e.ReviewedAt), cancellationToken);

    public async Task HandleAsync(ModelExpertReviewed e, IntegrationEventContext context, CancellationToken cancellationToken)
        => await db.Models.Where(m => m.Id == e.ModelId && m.ExpertReviewedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ExpertReviewedAt, e.ReviewedAt), cancellationToken);
}
