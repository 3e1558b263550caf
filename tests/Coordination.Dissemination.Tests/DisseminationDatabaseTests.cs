using Coordination.Dissemination.Data;

namespace Coordination.Dissemination.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class DisseminationDatabaseTests(Provider provider)
{
    [Test]
    public Task The_module_database_is_migrated_with_its_outbox_inbox_and_audit()
        => ModuleDatabaseChecks.AssertReadyAsync<DisseminationDbContext>(provider);
}
