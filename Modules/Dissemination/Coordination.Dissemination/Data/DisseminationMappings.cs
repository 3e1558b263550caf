using Coordination.Dissemination.Features.Newsletter;
using Coordination.Dissemination.Features.SaveModel;
using Mapster;

namespace Coordination.Dissemination.Data;

/// <summary>Dissemination's mechanical mappings (Mapster), every one declared here and compiled
/// by the architecture tests (<c>MappingTests</c>); a mapping that carries a rule (an enum written
/// as the API's text, a follow-up's month in Helsinki, a form's fields) stays hand-written.</summary>
internal static class DisseminationMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<ModelLink, LinkInput>();
        config.NewConfig<Subscriber, SubscriptionEndpoints.SubscriberDto>();
        return config;
    }
}
