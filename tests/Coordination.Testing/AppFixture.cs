using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>A fixture that shares one app on a fresh database of <paramref name="provider"/>
/// among its tests. Use with [TestFixtureSource(typeof(Providers), nameof(Providers.All))].</summary>
public abstract class AppFixture(Provider provider)
{
    protected Provider Provider { get; } = provider;

    protected TestDatabase Database { get; private set; } = null!;

    protected CoordinationApp App { get; private set; } = null!;

    /// <summary>Configuration overrides of this fixture's app.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        App = new CoordinationApp(Database, Settings);
        _ = App.Server;
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
