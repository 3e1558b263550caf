using Coordination.PeerReview.Rounds;
using Mapster;

namespace Coordination.PeerReview.Data;

/// <summary>PeerReview's mechanical mappings (Mapster), every one declared here and compiled by
/// the architecture tests (<c>MappingTests</c>); a mapping that carries a rule (a round's type
/// written as the API's text, a time shown in Helsinki, a title in the reader's language) stays
/// hand-written.</summary>
internal static class PeerReviewMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<Criterion, CriterionInput>();
        return config;
    }
}
