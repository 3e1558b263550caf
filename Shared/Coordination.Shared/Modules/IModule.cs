namespace Coordination.Shared.Modules;

/// <summary>
/// The one public entry of a module. The Host lists its modules in one place and calls
/// <see cref="Register"/> on each; everything else in a module stays internal.
/// </summary>
public interface IModule
{
    /// <summary>Short English name, e.g. "Membership". Names the database file and schema.</summary>
    string Name { get; }

    /// <summary>Registers services, the module's database, event handlers, jobs and navigation.
    /// Carter endpoints and validators of the module's assembly are found automatically.</summary>
    void Register(ModuleBuilder module);
}
