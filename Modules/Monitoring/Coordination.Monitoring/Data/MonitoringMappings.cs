using Coordination.Dissemination.Contracts;
using Coordination.Membership.Contracts;
using Coordination.Monitoring.Features.ViewIndicators;
using Coordination.Surveys.Contracts;
using Mapster;

namespace Coordination.Monitoring.Data;

/// <summary>Monitoring's mechanical mappings (Mapster): other modules' events copied into its
/// read model, and read-model rows into the API's answers. Every one is declared here and compiled
/// by the architecture tests (<c>MappingTests</c>); a copy that carries a rule (the newest state
/// wins, an address normalised, a month computed) stays hand-written in its handler.</summary>
internal static class MonitoringMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<NetworkCreated, NetworkFact>();
        config.NewConfig<SurveyClosed, SurveyFact>();
        config.NewConfig<NewsletterIssueSent, NewsletterIssueFact>();
        config.NewConfig<NetworkFact, ViewIndicatorsEndpoints.NetworkDto>().Map(d => d.Id, s => s.NetworkId);
        return config;
    }
}
