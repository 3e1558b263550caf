using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Hangfire;
using Hangfire.PostgreSql;

namespace Coordination.Host.Jobs;

/// <summary>Hangfire: in-memory storage on SQLite (due state lives in module tables), PostgreSQL
/// storage when the database is PostgreSQL; the dashboard at /jobs for coordinators.</summary>
internal static class JobsSetup
{
    public static IServiceCollection AddCoordinationJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddHangfire((provider, config) =>
        {
            config.UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.PostgresConnectionString), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddScoped<Overview.JobsOverviewEndpoints.JobRunner>();
        if (configuration.GetValue("Coordination:Jobs:Enabled", true))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = configuration.GetValue("Coordination:Jobs:Workers", 2);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return services;
    }

    public static void RegisterRecurringJobs(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in services.GetRequiredService<ModuleCatalog>().Jobs)
        {
            manager.AddOrUpdate<RecurringJobRunner>(job.Id, runner => runner.RunAsync(job.Id, CancellationToken.None), job.Cron, new RecurringJobOptions { TimeZone = HelsinkiTime.Zone });
        }
    }

    public static void MapJobsDashboard(this WebApplication app)
        => app.MapHangfireDashboard("/jobs", new DashboardOptions
            {
                // Access is checked by the endpoint's policy below; Hangfire's own filter would allow only local requests.
                Authorization = [],
                DisplayStorageConnectionString = false,
                DashboardTitle = "Coordination – jobs",
                AppPath = "/",
            })
            .RequireAuthorization(Policies.Coordinator);
}
