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
            .AddScoped<Submissions.SubmissionService>()
            .AddScoped<Reviewers.ReviewerService>()
            .AddScoped<Assigning.Assigner>()
            .AddScoped<Reviews.ReviewService>()
            .AddScoped<Feedback.FeedbackService>()
            .AddScoped<Features.SaveRound.RoundSaver>();
        module.Subscribe<ProjectJoinedNetwork, NetworkHandlers>();
        module.Subscribe<ProjectUpdated, NetworkHandlers>();
        module.Subscribe<ProjectDeleted, NetworkHandlers>();
        module.Subscribe<PersonRegistered, NetworkHandlers>();
        module.Subscribe<PersonUpdated, NetworkHandlers>();
        module.Subscribe<PersonErased, NetworkHandlers>();
        module.Subscribe<ModelSubmittedForReview, NetworkHandlers>();
        module.Subscribe<EventScheduled, NetworkHandlers>();
        module.Subscribe<EventCancelled, NetworkHandlers>();
        module.AddRepublisher<Integration.PeerReviewRepublisher>();
        module.AddHomeSections<Features.Home.PeerReviewHomeSections>();
        module.AddRecurringJob<Features.RemindReviewers.ReviewRemindersJob>(Features.RemindReviewers.ReviewRemindersJob.Id, "15 * * * *");
        module.AddNavigation(new NavigationEntry("/peer-review", "NavPeerReview", typeof(PeerReviewStrings), Policies.Reviewing, 28, NavigationGroups.Results));
    }
}
