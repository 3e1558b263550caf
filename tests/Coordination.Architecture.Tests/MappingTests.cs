using System.Reflection;
using Mapster;

namespace Coordination.Architecture.Tests;

/// <summary>Each module's Mapster configuration (<c>Data/&lt;Module&gt;Mappings.cs</c>) compiles:
/// every mapping is declared (RequireExplicitMapping) and every destination member has a source
/// (RequireDestinationMemberSource), so a renamed field fails here, not at run time.</summary>
public sealed class MappingTests
{
    public static IEnumerable<string> Modules => ["Membership", "Events", "PeerReview", "Surveys", "Dissemination", "Monitoring"];

    [TestCaseSource(nameof(Modules))]
    public void The_module_mappings_compile(string module)
    {
        var type = Assembly.Load($"Coordination.{module}").GetType($"Coordination.{module}.Data.{module}Mappings");
        Assert.That(type, Is.Not.Null, $"Coordination.{module}.Data.{module}Mappings");
        var config = (TypeAdapterConfig)type!.GetProperty("Config", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Assert.That(config.RuleMap, Is.Not.Empty);
        Assert.DoesNotThrow(() => config.Compile());
    }
}
