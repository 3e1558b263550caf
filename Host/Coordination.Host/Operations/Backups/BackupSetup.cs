using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Modules;

namespace Coordination.Host.Operations.Backups;

internal static class BackupSetup
{
    /// <summary>The backup and restore commands, and the daily backup job when
    /// Coordination:Backups:Folder is set (SQLite only: PostgreSQL is backed up with pg_dump).</summary>
    public static IServiceCollection AddCoordinationBackups(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, ModuleCatalog catalog)
    {
        var section = configuration.GetSection("Coordination:Backups");
        services.Configure<BackupOptions>(section);
        services.AddSingleton<BackupWriter>();
        services.AddSingleton<BackupRestorer>();
        var options = section.Get<BackupOptions>() ?? new BackupOptions();
        if (!string.IsNullOrWhiteSpace(options.Folder) && database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddScoped<BackupJob>();
            catalog.Jobs.Add(new RecurringJobDefinition(BackupJob.Id, typeof(BackupJob), options.Cron));
        }

        return services;
    }
}
