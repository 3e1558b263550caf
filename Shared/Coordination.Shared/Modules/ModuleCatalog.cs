using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Messaging;

namespace Coordination.Shared.Modules;

/// <summary>What all modules registered: read by the infrastructure (dispatcher, health, shell).</summary>
public sealed class ModuleCatalog
{
    public List<IModule> Modules { get; } = [];

    public List<ModuleDatabase> Databases { get; } = [];

    /// <summary>The databases that keep a mail queue: every module's, and the Host adds its
    /// identity database.</summary>
    public List<ModuleDatabase> MailDatabases { get; } = [];

    public List<EventSubscription> Subscriptions { get; } = [];

    public List<RecurringJobDefinition> Jobs { get; } = [];

    public List<NavigationEntry> Navigation { get; } = [];

    /// <summary>Components that render a module's privacy notices (its registers, their purposes
    /// and retention) on the site's privacy page.</summary>
    public List<Type> PrivacyNotices { get; } = [];

    /// <summary>Modules that can republish their state for a late subscriber.</summary>
    public List<ModuleRepublisher> Republishers { get; } = [];

    internal List<Type> CarterModules { get; } = [];

    internal void AddCarterModules(System.Reflection.Assembly assembly)
        => CarterModules.AddRange(assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Carter.ICarterModule).IsAssignableFrom(t)));
}
