using Coordination.Host.Resources;
using Coordination.Shared.Jobs;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;

namespace Coordination.Host.Operations.AuditTrail;

internal static class AuditTrailSetup
{
    /// <summary>The audit trail's reader, its navigation entry and the nightly purge.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration, ModuleCatalog catalog)
    {
        services.Configure<AuditTrailOptions>(configuration.GetSection("Coordination:Audit"));
        services.AddScoped<AuditTrailReader>();
        services.AddScoped<PurgeAuditEntriesJob>();
        catalog.Jobs.Add(new RecurringJobDefinition(PurgeAuditEntriesJob.Id, typeof(PurgeAuditEntriesJob), "41 3 * * *"));
        catalog.Navigation.Add(new NavigationEntry("/admin/audit", "AuditTrail", typeof(OperationsStrings), Policies.Coordinator, 905));
        return services;
    }
}
