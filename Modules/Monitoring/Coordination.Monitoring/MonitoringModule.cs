using Coordination.Dissemination.Contracts;
using Coordination.Events.Contracts;
using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Features.TrackActivity;
using Coordination.Monitoring.Features.TrackHealth;
using Coordination.Monitoring.Features.TrackNetwork;
using Coordination.Monitoring.Resources;
using Coordination.PeerReview.Contracts;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Coordination.Surveys.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Monitoring;

/// <summary>Monitoring: the funder's view. A read model fed only by the other modules' events
/// (and filled by their republish on a site that already had data): indicators per network and
/// project, the funder's report, reporting dates with reminders, and its part of the home page.</summary>
public sealed class MonitoringModule : IModule
{
    public string Name => "Monitoring";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<MonitoringDbContext, SqliteMonitoringDbContext, PostgresMonitoringDbContext>();
        module.Services
            .AddScoped<Access.MonitoringAccess>()
            .AddScoped<Indicators.IndicatorCalculator>()
            .AddScoped<Features.FunderReport.FunderReportEndpoints.Reporter>()
            .AddScoped<Reporting.ReportingDateService>()
            .AddScoped<Health.HealthCalculator>()
            .AddScoped<Features.ViewHealth.HealthService>();

        module.Subscribe<NetworkCreated, MembershipHandlers>();
        module.Subscribe<ProjectJoinedNetwork, MembershipHandlers>();
        module.Subscribe<ProjectUpdated, MembershipHandlers>();
        module.Subscribe<ProjectDeleted, MembershipHandlers>();
        module.Subscribe<ProjectEnded, MembershipHandlers>();
        module.Subscribe<PersonRegistered, MembershipHandlers>();
        module.Subscribe<PersonUpdated, MembershipHandlers>();
        module.Subscribe<PersonErased, MembershipHandlers>();
        module.Subscribe<NetworkRulesChanged, HealthHandlers>();
        module.Subscribe<CommitmentLetterSaved, HealthHandlers>();
        module.Subscribe<GoalSaved, HealthHandlers>();
        module.Subscribe<WorkingGroupCoordinatorChanged, HealthHandlers>();
        module.Subscribe<EventHeld, ActivityHandlers>();
        module.Subscribe<EventHeldRetracted, ActivityHandlers>();
        module.Subscribe<MinutesApproved, MinutesHandler>();
        module.Subscribe<SurveyClosed, ActivityHandlers>();
        module.Subscribe<ModelPublished, ActivityHandlers>();
        module.Subscribe<ModelUpdated, ActivityHandlers>();
        module.Subscribe<ModelPeerReviewed, ActivityHandlers>();
        module.Subscribe<ModelExpertReviewed, ActivityHandlers>();
        module.Subscribe<NewsletterIssueSent, ActivityHandlers>();
        module.Subscribe<NewsletterSubscriptionConfirmed, ActivityHandlers>();
        module.Subscribe<NewsletterSubscriptionEnded, ActivityHandlers>();
        module.Subscribe<PostPublished, ActivityHandlers>();
        module.Subscribe<ModelFollowedUp, Features.TrackFollowUps.FollowUpHandlers>();

        module.AddRecurringJob<Features.ReportingDates.ReportRemindersJob>(Features.ReportingDates.ReportRemindersJob.Id, "0 7 * * *");
        module.AddRecurringJob<Features.ViewHealth.HealthSnapshotJob>(Features.ViewHealth.HealthSnapshotJob.Id, "5 0 * * *");
        module.AddHomeSections<Features.Home.MonitoringHomeSections>();
        module.AddNavigation(new NavigationEntry("/monitoring", "NavIndicators", typeof(MonitoringStrings), Policies.Monitoring, 29, NavigationGroups.Results));
        module.AddNavigation(new NavigationEntry("/monitoring/reports", "ReportingDates", typeof(MonitoringStrings), Policies.ProjectWork, 14, NavigationGroups.Network));
    }
}
