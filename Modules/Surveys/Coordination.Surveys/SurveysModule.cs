using Coordination.Events.Contracts;
using Coordination.Membership.Contracts;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.TrackNetwork;
using Coordination.Surveys.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Surveys;

/// <summary>Surveys: network feedback, goal evaluations, event feedback and the network health
/// self-assessment, and the follow-ups of ended projects' models, with personal links, reminders and honest results.</summary>
public sealed class SurveysModule : IModule
{
    public string Name => "Surveys";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<SurveysDbContext, SqliteSurveysDbContext, PostgresSurveysDbContext>();
        module.Services
            .AddScoped<Authoring.SurveySaver>()
            .AddScoped<Mailing.Inviter>()
            .AddScoped<Mailing.SurveyMailer>()
            .AddScoped<Features.Answering.ResponseRecorder>()
            .AddScoped<Analysis.SurveyResultsCalculator>()
            .AddSingleton<Anonymity.GroupRules>()
            .AddScoped<Features.Closing.SurveyCloser>()
            .AddScoped<Features.OpenSurvey.SurveyOpener>()
            .AddSingleton<Mailing.InvitationTokens>()
            .AddScoped<FollowUps.FollowUpPlanner>()
            .AddScoped<FollowUps.FollowUpStarter>()
            .AddSingleton<FollowUps.FollowUpTokens>()
            .AddScoped<Features.AnswerFollowUp.FollowUpAnswerRecorder>()
            .AddScoped<Features.ManageFollowUps.FollowUpManager>();
        module.Subscribe<NetworkCreated, MembershipHandlers>();
        module.Subscribe<ProjectJoinedNetwork, MembershipHandlers>();
        module.Subscribe<ProjectUpdated, MembershipHandlers>();
        module.Subscribe<ProjectDeleted, MembershipHandlers>();
        module.Subscribe<PersonRegistered, MembershipHandlers>();
        module.Subscribe<PersonUpdated, MembershipHandlers>();
        module.Subscribe<PersonErased, MembershipHandlers>();
        module.Subscribe<EventHeld, EventHeldHandler>();
        module.Subscribe<EventHeldRetracted, EventHeldHandler>();
        module.Subscribe<ProjectEnded, Features.TrackFollowUps.FollowUpPlanningHandlers>();
        module.Subscribe<Dissemination.Contracts.ModelPublished, Features.TrackFollowUps.FollowUpPlanningHandlers>();
        module.Subscribe<Dissemination.Contracts.ModelUpdated, Features.TrackFollowUps.FollowUpPlanningHandlers>();
        module.AddRepublisher<Integration.SurveysRepublisher>();
        module.AddHomeSections<Features.Home.SurveysHomeSections>();
        module.AddRecurringJob<Mailing.SendSurveyMailJob>(Mailing.SendSurveyMailJob.Id, "*/5 * * * *");
        module.AddRecurringJob<Features.Closing.CloseSurveysJob>("surveys-close", "*/5 * * * *");
        module.AddRecurringJob<Features.Retention.RetentionJob>("retention", "40 3 * * *");
        module.AddRecurringJob<Features.StartFollowUps.StartFollowUpsJob>(Features.StartFollowUps.StartFollowUpsJob.Id, "20 6 * * *");
        module.AddPrivacyNotice<Features.Retention.SurveysPrivacyNotice>();
        module.AddNavigation(new NavigationEntry("/followups", "NavFollowUps", typeof(SurveysStrings), Policies.Coordinator, 31, NavigationGroups.Surveys));
        module.AddNavigation(new NavigationEntry("/surveys", "NavSurveys", typeof(SurveysStrings), Policies.Coordinator, 30, NavigationGroups.Surveys));
    }
}
