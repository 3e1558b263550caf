using Coordination.Dissemination.Contracts;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Data;
using Coordination.Surveys.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Features.TrackFollowUps;

/// <summary>Plans follow-ups: a project that ended gets waves for each of its published models;
/// a model of an ended project published later gets its own. Surveys keeps its copy of the
/// method bank's models (titles, project, published or not) for the questions.</summary>
internal sealed class FollowUpPlanningHandlers(SurveysDbContext db, FollowUpPlanner planner) :
    IIntegrationEventHandler<ProjectEnded>,
    IIntegrationEventHandler<ModelPublished>,
    IIntegrationEventHandler<ModelUpdated>
{
    public async Task HandleAsync(ProjectEnded e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.ProjectId == e.ProjectId, cancellationToken);
        if (project is null)
        {
            db.Projects.Add(project = new KnownProject { ProjectId = e.ProjectId, NetworkId = e.NetworkId, Name = e.Name });
        }

        project.EndedOn = e.EndDate;
        await planner.PlanAsync(project, cancellationToken);
    }

    public async Task HandleAsync(ModelPublished e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(e.ModelId, cancellationToken);
        model.NetworkId = e.NetworkId;
        model.ProjectId = e.ProjectId;
        model.TitleFi = e.TitleFi;
        model.TitleSv = e.TitleSv;
        model.TitleEn = e.TitleEn;
        model.Published = true;
        await db.SaveChangesAsync(cancellationToken);
        if (e.ProjectId is { } projectId && await db.Projects.SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken) is { EndedOn: not null } project)
        {
            await planner.PlanAsync(project, cancellationToken, e.ModelId);
        }
    }

    public async Task HandleAsync(ModelUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(e.ModelId, cancellationToken);
        model.NetworkId = e.NetworkId;
        model.ProjectId = e.ProjectId;
        model.TitleFi = e.TitleFi;
        model.Published = e.Status == "published";
    }

    private async Task<KnownModel> ModelAsync(Guid id, CancellationToken ct)
    {
        var model = await db.Models.SingleOrDefaultAsync(m => m.ModelId == id, ct);
        if (model is null)
        {
            db.Models.Add(model = new KnownModel { ModelId = id });
        }

        return model;
    }
}
