using Coordination.Surveys.Data;

namespace Coordination.Surveys.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class SurveysDatabaseTests(Provider provider)
{
    [Test]
    public Task The_module_database_is_migrated_with_its_outbox_inbox_and_audit()
        => ModuleDatabaseChecks.AssertReadyAsync<SurveysDbContext>(provider);
}
