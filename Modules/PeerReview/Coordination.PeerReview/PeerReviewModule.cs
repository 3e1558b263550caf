using Coordination.Dissemination.Contracts;
using Coordination.Events.Contracts;
using Coordination.Membership.Contracts;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Features.TrackNetwork;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.PeerReview;

/// <summary>PeerReview: models judged by peers from other projects, then by experts; round tables.</summary>
public sealed class PeerReviewModule : IModule
{
    public string Name => "PeerReview";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<PeerReviewDbContext, SqlitePeerReviewDbContext, PostgresPeerReviewDbContext>();
        module.Services
            .AddScoped<Access.ReviewAccess>()
            .AddScoped<Features.Submissions.SubmissionService>()
            .AddScoped<Features.Reviewers.ReviewerService>()
            .AddScoped<Features.Assign.Assigner>()
            .AddScoped<Features.Reviewing.ReviewService>()
            .AddScoped<Features.Outcome.FeedbackService>();
        module.Subscribe<ProjectJoinedNetwork, NetworkHandlers>();
        module.Subscribe<ProjectUpdated, NetworkHandlers>();
        module.Subscribe<PersonRegistered, NetworkHandlers>();
        module.Subscribe<PersonUpdated, NetworkHandlers>();
        module.Subscribe<PersonErased, NetworkHandlers>();
        module.Subscribe<ModelSubmittedForReview, NetworkHandlers>();
        module.Subscribe<EventScheduled, NetworkHandlers>();
        module.Subscribe<EventCancelled, NetworkHandlers>();
        module.AddRepublisher<Integration.PeerReviewRepublisher>();
        module.AddHomeSections<Features.Home.PeerReviewHomeSections>();
        module.AddRecurringJob<Features.Reviewing.ReviewRemindersJob>(Features.Reviewing.ReviewRemindersJob.Id, "15 * * * *");
        module.AddNavigation(new NavigationEntry("/peer-review", "NavPeerReview", typeof(PeerReviewStrings), Policies.Reviewing, 28, NavigationGroups.Results));
    }
}
