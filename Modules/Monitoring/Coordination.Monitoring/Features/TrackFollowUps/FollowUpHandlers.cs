using Coordination.Monitoring.Data;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Features.TrackFollowUps;

/// <summary>Keeps each model's follow-up per wave (the newest state of the wave wins), for the
/// share of models still in use 12 and 24 months after their project.</summary>
internal sealed class FollowUpHandlers(MonitoringDbContext db) : IIntegrationEventHandler<ModelFollowedUp>
{
    public async Task HandleAsync(ModelFollowedUp e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var fact = await db.ModelFollowUps.SingleOrDefaultAsync(f => f.ModelId == e.ModelId && f.Months == e.Months, cancellationToken);
        if (fact is null)
        {
            db.ModelFollowUps.Add(fact = new ModelFollowUpFact { ModelId = e.ModelId, Months = e.Months });
        }
        else if (fact.AnsweredAt > e.AnsweredAt)
        {
            return;
        }

        fact.NetworkId = e.NetworkId;
        fact.ProjectId = e.ProjectId;
        fact.Use = e.Use;
        fact.OrganisationsInUse = e.OrganisationsInUse;
        fact.Organisations = e.Organisations;
        fact.AnsweredAt = e.AnsweredAt;
    }
}
