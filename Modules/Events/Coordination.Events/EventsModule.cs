using Coordination.Events.Data;
using Coordination.Shared.Modules;

namespace Coordination.Events;

/// <summary>Events: meetings, development days and seminars with registration and attendance.</summary>
public sealed class EventsModule : IModule
{
    public string Name => "Events";

    public void Register(ModuleBuilder module)
        => module.AddDatabase<EventsDbContext, SqliteEventsDbContext, PostgresEventsDbContext>();
}
