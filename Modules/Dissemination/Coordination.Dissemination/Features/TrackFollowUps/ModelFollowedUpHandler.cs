using Coordination.Dissemination.Data;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Features.TrackFollowUps;

/// <summary>The model card's latest follow-up from Surveys: a later wave replaces an earlier
/// one, and a wave's newer state (another organisation answered) its older one. A model no
/// longer in use keeps its card, with that fact and the reason.</summary>
internal sealed class ModelFollowedUpHandler(DisseminationDbContext db) : IIntegrationEventHandler<ModelFollowedUp>
{
    public async Task HandleAsync(ModelFollowedUp e, IntegrationEventContext context, CancellationToken cancellationToken)
        => await db.Models
            .Where(m => m.Id == e.ModelId && (m.FollowUpMonths == null || m.FollowUpMonths < e.Months || (m.FollowUpWaveId == e.WaveId && m.FollowUpAt <= e.AnsweredAt)))
            .ExecuteUpdateAsync(
                u => u.SetProperty(m => m.FollowUpWaveId, e.WaveId)
                    .SetProperty(m => m.FollowUpMonths, e.Months)
                    .SetProperty(m => m.FollowUpAt, e.AnsweredAt)
                    .SetProperty(m => m.FollowUpUse, e.Use)
                    .SetProperty(m => m.FollowUpInUse, e.OrganisationsInUse)
                    .SetProperty(m => m.FollowUpOrganisations, e.Organisations)
                    .SetProperty(m => m.FollowUpReason, e.Reason),
                cancellationToken);
}
