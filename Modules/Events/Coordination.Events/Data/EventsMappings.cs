using Coordination.Events.Features.BrowseEvents;
using Coordination.Events.Features.SaveEvent;
using Coordination.Membership.Contracts;
using Mapster;

namespace Coordination.Events.Data;

/// <summary>Events' mechanical mappings (Mapster), every one declared here and compiled by the
/// architecture tests (<c>MappingTests</c>); a mapping that carries a rule (an enum written as the
/// API's text, a time shown in Helsinki, a form's fields) stays hand-written.</summary>
internal static class EventsMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<EventMaterial, BrowseEventsEndpoints.MaterialDto>();
        config.NewConfig<EventMaterial, MaterialInput>();
        config.NewConfig<NetworkCreated, KnownNetwork>();
        return config;
    }
}
