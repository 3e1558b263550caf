using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership;

/// <summary>Membership: the network itself — networks, projects, organisations, people.</summary>
public sealed class MembershipModule : IModule
{
    public string Name => "Membership";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<MembershipDbContext, SqliteMembershipDbContext, PostgresMembershipDbContext>();
        module.Services.AddScoped<Features.SaveNetwork.NetworkSaver>();
        module.AddNavigation(new NavigationEntry("/membership/networks", "NavNetworks", typeof(MembershipStrings), Policies.NetworkMember, 10));
    }
}
