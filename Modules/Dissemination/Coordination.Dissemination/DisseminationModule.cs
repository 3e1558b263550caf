using Coordination.Dissemination.Data;
using Coordination.Dissemination.Features.TrackNetwork;
using Coordination.Dissemination.Resources;
using Coordination.Events.Contracts;
using Coordination.Membership.Contracts;
using Coordination.Shared.Modules;
using Coordination.Surveys.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination;

/// <summary>Dissemination: the method bank, theme compilations, the interim report, search and
/// the shared blog with its feeds, and the newsletter.</summary>
public sealed class DisseminationModule : IModule
{
    public string Name => "Dissemination";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<DisseminationDbContext, SqliteDisseminationDbContext, PostgresDisseminationDbContext>();
        module.Services
            .AddScoped<Access.ModelAccess>()
            .AddScoped<Features.SaveModel.ModelSaver>()
            .AddScoped<Catalogue.SearchIndex>()
            .AddSingleton<ThemeCounts>()
            .AddScoped<Features.Blog.PostWriter>()
            .AddScoped<Features.Newsletter.Subscriptions>()
            .AddSingleton<Features.Newsletter.SubscriptionLinks>()
            .AddScoped<Features.Newsletter.NewsletterRenderer>()
            .AddScoped<Features.Newsletter.IssueSender>()
            .AddSingleton<Features.Newsletter.NewsletterMetrics>()
            .AddScoped<Features.Newsletter.TestSender>()
            .AddHostedService<Features.Newsletter.ResumeNewsletterSends>();
        module.Subscribe<NetworkCreated, MembershipHandlers>();
        module.Subscribe<ProjectJoinedNetwork, MembershipHandlers>();
        module.Subscribe<ProjectUpdated, MembershipHandlers>();
        module.Subscribe<ProjectDeleted, MembershipHandlers>();
        module.Subscribe<PersonRegistered, MembershipHandlers>();
        module.Subscribe<PersonUpdated, MembershipHandlers>();
        module.Subscribe<PersonErased, MembershipHandlers>();
        module.Subscribe<EventScheduled, Features.TrackEvents.EventHandlers>();
        module.Subscribe<EventCancelled, Features.TrackEvents.EventHandlers>();
        module.Subscribe<SurveyClosed, Features.TrackSurveys.SurveyClosedHandler>();
        module.Subscribe<ModelFollowedUp, Features.TrackFollowUps.ModelFollowedUpHandler>();
        module.Subscribe<PeerReview.Contracts.ModelPeerReviewed, Features.TrackReviews.ReviewBadgeHandlers>();
        module.Subscribe<PeerReview.Contracts.ModelExpertReviewed, Features.TrackReviews.ReviewBadgeHandlers>();
        module.AddRepublisher<Integration.DisseminationRepublisher>();
        module.AddHomeSections<Features.Home.DisseminationHomeSections>();
        module.AddNavigation(new NavigationEntry("/method-bank", "NavMethodBank", typeof(DisseminationStrings), null, 25, NavigationGroups.Results));
        module.AddNavigation(new NavigationEntry("/blog", "NavBlog", typeof(DisseminationStrings), null, 26, NavigationGroups.Results));
        module.AddRecurringJob<Features.Newsletter.SendNewslettersJob>(Features.Newsletter.SendNewslettersJob.Id, "* * * * *");
        module.AddRecurringJob<Features.Retention.RetentionJob>("retention", "45 3 * * *");
        module.AddPrivacyNotice<Features.Retention.NewsletterPrivacyNotice>();
        module.AddNavigation(new NavigationEntry("/newsletter/manage", "NavNewsletter", typeof(DisseminationStrings), Shared.Security.Policies.Coordinator, 27, NavigationGroups.Results));
        module.AddNavigation(new NavigationEntry("/search", "NavSearch", typeof(DisseminationStrings), null, 90));
    }
}
