using Coordination.Membership.Features.Goals;
using Mapster;

namespace Coordination.Membership.Data;

/// <summary>Membership's mechanical mappings (Mapster), every one declared here and compiled by
/// the architecture tests (<c>MappingTests</c>); a mapping that carries a rule (an enum written
/// as the API's text, a form's fields) stays hand-written.</summary>
internal static class MembershipMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<Goal, GoalInput>();
        return config;
    }
}
