using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Reflection;
using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Messaging;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Shared.Modules;

/// <summary>What a module may register. Handed to <see cref="IModule.Register"/>.</summary>
public sealed class ModuleBuilder
{
    private readonly ModuleCatalog _catalog;

    internal ModuleBuilder(IModule module, IServiceCollection services, IConfiguration configuration, DatabaseOptions database, ModuleCatalog catalog)
    {
        Module = module;
        Services = services;
        Configuration = configuration;
        Database = database;
        _catalog = catalog;
        Assembly = module.GetType().Assembly;
    }

    public IModule Module { get; }

    public string Name => Module.Name;

    public Assembly Assembly { get; }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }

    public DatabaseOptions Database { get; }

    internal Type? DbContextType { get; private set; }

    /// <summary>Registers the module's DbContext: <typeparamref name="TContext"/> is what the
    /// module's code asks for; the two subclasses carry each provider's migrations.</summary>
    public ModuleBuilder AddDatabase<TContext, TSqlite, TPostgres>()
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        DbContextType = typeof(TContext);
        Services.AddModuleDbContext<TContext, TSqlite, TPostgres>(Name, Database);
        _catalog.Databases.Add(new ModuleDatabase(Name, typeof(TContext)));
        _catalog.MailDatabases.Add(new ModuleDatabase(Name, typeof(TContext)));
        Services.AddHealthChecks().AddDbContextCheck<TContext>(
            $"db-{Name.ToLowerInvariant()}",
            HealthStatus.Unhealthy,
            ["ready"],
            // A query on the outbox proves the database is reachable and migrated.
            customTestQuery: async (db, ct) =>
            {
                await db.OutboxMessages.AnyAsync(ct);
                return true;
            });
        // Every module database keeps its outbox and inbox tidy with the same job.
        return AddRecurringJob<PurgeDeliveredMessagesJob<TContext>>("purge-messages", "17 3 * * *");
    }

    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>. Its
    /// effects and the inbox record are saved together in this module's database.</summary>
    public ModuleBuilder Subscribe<TEvent, THandler>()
        where TEvent : class, IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        var context = DbContextType ?? throw new InvalidOperationException($"{Name}: call AddDatabase before Subscribe; the inbox lives in the module's database.");
        Services.TryAddScoped<THandler>(); // one handler class may serve several events
        _catalog.Subscriptions.Add(EventSubscription.Create<TEvent, THandler>(Name, context));
        return this;
    }

    /// <summary>Adds a recurring job that Hangfire runs on <paramref name="cron"/> (Europe/Helsinki).</summary>
    public ModuleBuilder AddRecurringJob<TJob>(string id, string cron)
        where TJob : class, IRecurringJob
    {
        Services.AddScoped<TJob>();
        _catalog.Jobs.Add(new RecurringJobDefinition($"{Name.ToLowerInvariant()}:{id}", typeof(TJob), cron));
        return this;
    }

    /// <summary>Lets this module republish its current state for a module that asks
    /// (<see cref="Republisher"/>): the coordinators' action and the <c>republish</c> command.</summary>
    public ModuleBuilder AddRepublisher<TRepublisher>()
        where TRepublisher : class, IStateRepublisher
    {
        Services.AddScoped<TRepublisher>();
        _catalog.Republishers.Add(new ModuleRepublisher(Name, typeof(TRepublisher)));
        return this;
    }

    /// <summary>Adds this module's part of the home page (what a signed-in user should see or
    /// do, or what the public finds); the Host's <c>/</c> shows every module's sections.</summary>
    public ModuleBuilder AddHomeSections<TSource>()
        where TSource : class, IHomeSectionSource
    {
        Services.AddScoped<IHomeSectionSource, TSource>();
        return this;
    }

    public ModuleBuilder AddNavigation(NavigationEntry entry)
    {
        _catalog.Navigation.Add(entry);
        return this;
    }

    /// <summary>Adds a component with the privacy notice of the module's registers to the site's
    /// privacy page (it states the retention the module's jobs enforce).</summary>
    public ModuleBuilder AddPrivacyNotice<TComponent>()
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        _catalog.PrivacyNotices.Add(typeof(TComponent));
        return this;
    }

    internal void AddEndpointsAndValidators()
    {
        _catalog.AddCarterModules(Assembly);
        foreach (var type in Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false }))
        {
            foreach (var validated in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                Services.AddScoped(validated, type);
            }
        }
    }
}
