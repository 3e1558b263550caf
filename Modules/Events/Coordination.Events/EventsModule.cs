using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Membership.Contracts;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events;

/// <summary>Events: meetings, development days and seminars with registration, waiting list,
/// calendars, reminders, theme wishes, attendance and the funder's counts; agendas, minutes,
/// decisions and action items (the meeting record); the steering group's audience.</summary>
public sealed class EventsModule : IModule
{
    public string Name => "Events";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<EventsDbContext, SqliteEventsDbContext, PostgresEventsDbContext>();
        module.Services
            .AddScoped<Features.SaveEvent.EventSaver>()
            .AddScoped<Registering.Registrar>();
        module.Subscribe<NetworkCreated, Features.TrackNetworks.NetworkCreatedHandler>();
        module.Subscribe<ProjectJoinedNetwork, Features.TrackNetworks.ProjectHandlers>();
        module.Subscribe<ProjectUpdated, Features.TrackNetworks.ProjectHandlers>();
        module.Subscribe<ProjectDeleted, Features.TrackNetworks.ProjectHandlers>();
        module.Subscribe<PersonRegistered, Features.TrackPeople.PersonHandlers>();
        module.Subscribe<PersonUpdated, Features.TrackPeople.PersonHandlers>();
        module.Subscribe<PersonErased, Features.TrackPeople.PersonHandlers>();
        module.AddRepublisher<Integration.EventsRepublisher>();
        module.AddHomeSections<Features.Home.EventsHomeSections>();
        module.Subscribe<Contracts.EventCancelled, Features.SaveEvent.CancellationNotices>();
        module.Subscribe<Surveys.Contracts.EventFeedbackAnswered, Features.Attendance.FeedbackAnsweredHandler>();
        module.AddRecurringJob<Features.Reminders.SendRemindersJob>("events-reminders", "0 * * * *");
        module.AddRecurringJob<Features.ActionItems.ActionItemRemindersJob>("events-action-item-reminders", "20 * * * *");
        module.AddRecurringJob<Features.Retention.RetentionJob>("retention", "35 3 * * *");
        module.AddPrivacyNotice<Features.Retention.EventsPrivacyNotice>();
        module.AddNavigation(new NavigationEntry("/events", "NavEvents", typeof(EventsStrings), null, 20, NavigationGroups.Events));
        module.AddNavigation(new NavigationEntry("/events/action-items", "MyActionItems", typeof(EventsStrings), Policies.NetworkMember, 22, NavigationGroups.Events));
        module.AddNavigation(new NavigationEntry("/events/decisions", "DecisionRegister", typeof(EventsStrings), Policies.NetworkMember, 23, NavigationGroups.Events));
        module.AddNavigation(new NavigationEntry("/events/statistics", "Statistics", typeof(EventsStrings), Policies.Monitoring, 21, NavigationGroups.Events));
    }
}
