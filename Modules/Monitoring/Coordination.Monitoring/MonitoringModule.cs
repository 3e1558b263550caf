using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Features.TrackNetworks;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;

namespace Coordination.Monitoring;

/// <summary>Monitoring: the funder's view, a read model fed by the other modules' events.</summary>
public sealed class MonitoringModule : IModule
{
    public string Name => "Monitoring";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<MonitoringDbContext, SqliteMonitoringDbContext, PostgresMonitoringDbContext>();
        module.Subscribe<NetworkCreated, NetworkCreatedHandler>();
        module.AddNavigation(new NavigationEntry("/monitoring", "NavIndicators", typeof(MonitoringStrings), Policies.Monitoring, 90));
    }
}
