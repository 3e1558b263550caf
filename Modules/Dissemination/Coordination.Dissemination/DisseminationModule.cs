using Coordination.Dissemination.Data;
using Coordination.Shared.Modules;

namespace Coordination.Dissemination;

/// <summary>Dissemination: the method bank, theme compilations, blog, search and the newsletter.</summary>
public sealed class DisseminationModule : IModule
{
    public string Name => "Dissemination";

    public void Register(ModuleBuilder module)
        => module.AddDatabase<DisseminationDbContext, SqliteDisseminationDbContext, PostgresDisseminationDbContext>();
}
