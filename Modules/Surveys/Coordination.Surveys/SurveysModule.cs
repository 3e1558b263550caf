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
/// self-assessment, with personal links, reminders and honest results.</summary>
public sealed class SurveysModule : IModule
{
    public string Name => "Surveys";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<SurveysDbContext, SqliteSurveysDbContext, PostgresSurveysDbContext>();
        module.Services
            .AddScoped<Features.SaveSurvey.SurveySaver>()
            .AddScoped<Features.Invitations.Inviter>()
            .AddScoped<Features.Invitations.SurveyMailer>()
            .AddScoped<Features.Answering.ResponseRecorder>()
            .AddScoped<Features.Results.SurveyResultsCalculator>()
            .AddSingleton<Anonymity.GroupRules>()
            .AddScoped<Features.Closing.SurveyCloser>()
            .AddSingleton<Features.Answering.InvitationTokens>();
        module.Subscribe<NetworkCreated, MembershipHandlers>();
        module.Subscribe<ProjectJoinedNetwork, MembershipHandlers>();
        module.Subscribe<ProjectUpdated, MembershipHandlers>();
        module.Subscribe<PersonRegistered, MembershipHandlers>();
        module.Subscribe<PersonUpdated, MembershipHandlers>();
        module.Subscribe<PersonErased, MembershipHandlers>();
        module.Subscribe<EventHeld, EventHeldHandler>();
        module.AddRecurringJob<Features.Invitations.SendSurveyMailJob>(Features.Invitations.SendSurveyMailJob.Id, "*/5 * * * *");
        module.AddRecurringJob<Features.Closing.CloseSurveysJob>("surveys-close", "*/5 * * * *");
        module.AddRecurringJob<Features.Retention.RetentionJob>("retention", "40 3 * * *");
        module.AddPrivacyNotice<Features.Retention.SurveysPrivacyNotice>();
        module.AddNavigation(new NavigationEntry("/surveys", "NavSurveys", typeof(SurveysStrings), Policies.Coordinator, 30));
    }
}
