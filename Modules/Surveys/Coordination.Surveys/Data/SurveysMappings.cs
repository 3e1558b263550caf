using Coordination.Surveys.Features.Invitations;
using Mapster;

namespace Coordination.Surveys.Data;

/// <summary>Surveys' mechanical mappings (Mapster), every one declared here and compiled by the
/// architecture tests (<c>MappingTests</c>); a mapping that carries a rule (an enum written as the
/// API's text, what an anonymous survey hides, a form's fields) stays hand-written.</summary>
internal static class SurveysMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<Invitation, InvitationEndpoints.InvitationDto>();
        return config;
    }
}
