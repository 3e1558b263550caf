using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Coordination.Architecture.Tests;

/// <summary>A slice (<c>Features/&lt;VerbNoun&gt;</c>) is one use case and uses no other slice's
/// types: what two slices share lives in the module's <c>Data/</c>, <c>Access/</c> or a named
/// domain folder (README › Module map).</summary>
public sealed class SliceBoundaryTests
{
    private static readonly string[] ModuleNames = ["Membership", "Events", "PeerReview", "Surveys", "Dissemination", "Monitoring"];

    public static IEnumerable<string> Modules => ModuleNames;

    [TestCaseSource(nameof(Modules))]
    public void A_slice_uses_no_other_slice(string module)
    {
        var assembly = Assembly.Load($"Coordination.{module}");
        var prefix = $"Coordination.{module}.Features.";
        var slices = assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n![prefix.Length..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var types = Types.InAssembly(assembly);
        var found = new List<string>();
        foreach (var slice in slices)
        {
            var inSlice = $"^{Regex.Escape(prefix + slice)}(\\..*)?$";
            found.AddRange(slices.Where(other => other != slice
                    && !types.That().ResideInNamespaceMatching(inSlice).ShouldNot().HaveDependencyOn(prefix + other).GetResult().IsSuccessful)
                .Select(other => $"{module}: {slice} -> {other}"));
        }

        var uses = found.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(uses, Is.Empty, "a slice uses another slice's types (move what they share to Data/, Access/ or a domain folder): " + string.Join(", ", uses));
    }
}
