using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Data;

public static class ModuleDbContextRegistration
{
    /// <summary>Registers <typeparamref name="TContext"/> backed by the subclass of the configured
    /// provider; each subclass owns that provider's migrations.</summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module, DatabaseOptions database)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
        => services.AddProviderDbContext<TContext, TSqlite, TPostgres>(module, database, (sp, o) =>
        {
            o.AddInterceptors(sp.GetRequiredService<CommitSignalInterceptor>());
            // Where the site caches pages, a commit evicts the module's.
            if (sp.GetService<OutputCacheEviction>() is { } eviction)
            {
                o.AddInterceptors(eviction.Interceptors);
            }
        });

    /// <summary>Registers a DbContext on the configured provider: the SQLite file named
    /// <paramref name="name"/>, or the PostgreSQL schema of that name. Pooled, with its options
    /// built once: building options and a context's internal services per request was a sixth
    /// of an uncached event list's CPU (issue 20). <paramref name="configure"/> gets the root
    /// provider, so it may only take singletons.</summary>
    public static IServiceCollection AddProviderDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string name, DatabaseOptions database, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<TContext, TPostgres>((sp, o) =>
            {
                ConfigurePostgres(o, database.PostgresConnectionString!, name);
                NoModelDiffOnMigrate(o);
                configure?.Invoke(sp, o);
            });
        }
        else
        {
            services.AddDbContextPool<TContext, TSqlite>((sp, o) =>
            {
                ConfigureSqlite(o, database.SqliteConnectionString(name));
                NoModelDiffOnMigrate(o);
                configure?.Invoke(sp, o);
            });
        }

        return services;
    }

    /// <summary>Before applying migrations, EF diffs the whole model against the last snapshot to
    /// warn of a model change without a migration: about 0.6 s of a new site's start for its seven
    /// databases (issue 20). ModelMigrationTests makes that check in every test run instead.</summary>
    private static void NoModelDiffOnMigrate(DbContextOptionsBuilder options)
        => options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString)
        => options.UseSqlite(connectionString).AddInterceptors(SqlitePlanStability.Instance);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString, string module)
        => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", DatabaseOptions.Schema(module)));
}

/// <summary>Lets `dotnet ef` build a module's SQLite context without the Host.</summary>
public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        ModuleDbContextRegistration.ConfigureSqlite(options, "Data Source=design-time.db");
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}

/// <summary>Lets `dotnet ef` build a module's PostgreSQL context without the Host or a server.</summary>
public abstract class PostgresDesignTimeFactory<TContext>(string module) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        ModuleDbContextRegistration.ConfigurePostgres(options, "Host=localhost;Database=design_time", module);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
