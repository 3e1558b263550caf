using Coordination.Host.Identity;
using Coordination.Shared.Modules;

namespace Coordination.Host.Tests;

/// <summary>Every database's model matches its migrations: a model change without
/// `build/add-migration.sh` fails here, for each provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ModelMigrationTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task No_database_has_model_changes_without_a_migration()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var contexts = App.Services.GetRequiredService<ModuleCatalog>().Databases.Select(d => d.ContextType).Append(typeof(IdentityDb));
        var pending = contexts.Where(t => ((DbContext)scope.ServiceProvider.GetRequiredService(t)).Database.HasPendingModelChanges()).Select(t => t.Name);
        Assert.That(pending, Is.Empty);
    }
}
