using Carter;
using Coordination.Shared.Data;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Jobs;
using Coordination.Shared.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Modules;

public static class ModuleServiceExtensions
{
    /// <summary>Registers the shared infrastructure and every module. Call once from the Host.</summary>
    /// <param name="hostAssembly">The Host's own assembly: its Carter endpoints (sign-in, home) are mapped too.</param>
    public static ModuleCatalog AddModules(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, IEnumerable<IModule> modules, System.Reflection.Assembly hostAssembly)
    {
        var catalog = new ModuleCatalog();
        services.AddSingleton(catalog);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);

        services.AddMessaging(configuration);
        services.AddEmail(configuration, database);
        services.AddMailQueue(configuration, catalog);
        services.AddScoped<RecurringJobRunner>();
        services.AddSingleton<Telemetry.JobMetrics>();

        // The infrastructure's own pages (parked deliveries) are Carter modules of Shared.
        catalog.AddCarterModules(typeof(ModuleCatalog).Assembly);
        catalog.AddCarterModules(hostAssembly);

        foreach (var module in modules)
        {
            catalog.Modules.Add(module);
            var builder = new ModuleBuilder(module, services, configuration, database, catalog);
            builder.AddEndpointsAndValidators();
            module.Register(builder);
        }

        services.AddCarter(configurator: c =>
        {
            c.WithModules([.. catalog.CarterModules]);
            c.WithEmptyValidators();
        });
        return catalog;
    }
}
