using System.Reflection;
using Coordination.Shared.Modules;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace Coordination.Architecture.Tests;

/// <summary>The rules that keep modules independent (ARCHITECTURE.md › Rules).</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] ModuleNames = ["Membership", "Events", "PeerReview", "Surveys", "Dissemination", "Monitoring"];

    private static Assembly ModuleAssembly(string name) => Assembly.Load($"Coordination.{name}");

    private static Assembly ContractsAssembly(string name) => Assembly.Load($"Coordination.{name}.Contracts");

    public static IEnumerable<string> Modules => ModuleNames;

    [Test]
    public void The_host_lists_every_module()
    {
        var listed = Host.ModuleList.All.Select(m => m.Name);
        Assert.That(listed, Is.EquivalentTo(ModuleNames));
    }

    [TestCaseSource(nameof(Modules))]
    public void A_module_references_only_Shared_and_other_modules_Contracts(string module)
    {
        var referenced = ModuleAssembly(module).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Coordination.", StringComparison.Ordinal));
        var allowed = referenced.Where(n => n == "Coordination.Shared" || n.EndsWith(".Contracts", StringComparison.Ordinal));
        Assert.That(referenced, Is.EquivalentTo(allowed), $"Coordination.{module} references another module's internals");
    }

    [TestCaseSource(nameof(Modules))]
    public void A_module_uses_no_type_of_another_modules_internals(string module)
    {
        var internals = ModuleNames.Where(m => m != module)
            .SelectMany(m => ModuleAssembly(m).GetTypes())
            .Where(t => t.FullName is not null && !t.FullName.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .ToArray();
        var result = Types.InAssembly(ModuleAssembly(module)).ShouldNot().HaveDependencyOnAny(internals).GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [TestCaseSource(nameof(Modules))]
    public void Contracts_reference_neither_EF_nor_ASP_NET(string module)
    {
        var assembly = ContractsAssembly(module);
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.That(referenced, Has.None.StartsWith("Microsoft.EntityFrameworkCore").And.None.StartsWith("Microsoft.AspNetCore"));
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore").GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
        var referencedProjects = referenced.Where(n => n.StartsWith("Coordination.", StringComparison.Ordinal));
        Assert.That(referencedProjects, Is.SubsetOf(new[] { "Coordination.Shared" }));
    }

    [TestCaseSource(nameof(Modules))]
    public void Contracts_hold_only_immutable_event_records(string module)
    {
        var types = ContractsAssembly(module).GetExportedTypes();
        var events = types.Where(typeof(Coordination.Shared.Messaging.IIntegrationEvent).IsAssignableFrom).ToList();

        // Besides events, a contract may hold the small records that events carry in lists.
        var parts = events.SelectMany(e => e.GetProperties()).Select(p => p.PropertyType)
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments() : [t]).ToHashSet();
        foreach (var type in types)
        {
            Assert.That(events.Contains(type) || parts.Contains(type), $"{type.Name} is neither an integration event nor carried by one");
            Assert.That(type.GetMethod("<Clone>$") is not null, $"{type.Name} is not a record");
            Assert.That(type.GetProperties().Where(p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit")), Is.Empty, $"{type.Name} has a settable property");
        }
    }

    [TestCaseSource(nameof(Modules))]
    public void Only_the_module_entry_is_public(string module)
    {
        // The Razor compiler makes every component public; they take their data as an object
        // "Model" so that the module's own types can stay internal.
        var publicTypes = ModuleAssembly(module).GetExportedTypes()
            .Where(t => !typeof(ComponentBase).IsAssignableFrom(t) && t.Name != "_Imports")
            .Select(t => t.FullName);
        Assert.That(publicTypes, Is.EquivalentTo(new[] { $"Coordination.{module}.{module}Module" }));
    }

    [TestCaseSource(nameof(Modules))]
    public void The_module_entry_implements_the_module_contract(string module)
    {
        var entry = ModuleAssembly(module).GetType($"Coordination.{module}.{module}Module");
        Assert.That(entry, Is.Not.Null);
        Assert.That(typeof(IModule).IsAssignableFrom(entry), Is.True);
    }

    [Test]
    public void Shared_holds_no_module_code()
    {
        var referenced = typeof(ModuleCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.That(referenced.Where(n => n.StartsWith("Coordination.", StringComparison.Ordinal)), Is.Empty);
    }
}
