using System.Reflection;
using System.Text;
using Coordination.Shared.Data;
using Coordination.Shared.Messaging;
using Coordination.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.NUnit;

namespace Coordination.Architecture.Tests;

/// <summary>Contracts cannot drift silently (README › Contracts): the shape of every integration
/// event of every module is a committed snapshot, and every handler in a module is subscribed to
/// each event it handles.</summary>
public sealed class ContractTests
{
    private static readonly string[] ModuleNames = ["Membership", "Events", "PeerReview", "Surveys", "Dissemination", "Monitoring"];

    public static IEnumerable<string> Modules => ModuleNames;

    /// <summary>Field names and types, nested records written out: renaming, removing or
    /// retyping a field changes the snapshot. Only additive optional fields are allowed; anything
    /// else is a new type (the old one stays for messages already in outboxes and inboxes).</summary>
    [TestCaseSource(nameof(Modules))]
    public void Every_contract_keeps_its_shape(string module)
    {
        var events = Assembly.Load($"Coordination.{module}.Contracts").GetExportedTypes()
            .Where(typeof(IIntegrationEvent).IsAssignableFrom)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        var text = new StringBuilder();
        var nullability = new NullabilityInfoContext();
        foreach (var type in events)
        {
            Describe(type, text, nullability, "");
        }

        Snapshot.Match(text.Length == 0 ? "(no integration events)\n" : text.ToString());
    }

    [Test]
    public void Every_event_handler_is_subscribed_to_each_event_it_handles()
    {
        var configuration = new ConfigurationBuilder().Build();
        var database = new DatabaseOptions(DatabaseProvider.Sqlite, Path.Combine(Path.GetTempPath(), "coordination-contracts"), null);
        var catalog = new ServiceCollection().AddModules(configuration, database, Host.ModuleList.All, typeof(Host.ModuleList).Assembly);
        var subscribed = catalog.Subscriptions.Select(s => $"{s.HandlerType.FullName} <- {s.EventType.Name}").ToHashSet();
        var handled = ModuleNames.SelectMany(m => Assembly.Load($"Coordination.{m}").GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
                .Select(i => $"{t.FullName} <- {i.GetGenericArguments()[0].Name}"))
            .ToList();
        Assert.That(handled, Is.Not.Empty);
        Assert.That(handled.Where(h => !subscribed.Contains(h)), Is.Empty, "a handler that is never subscribed never runs: add module.Subscribe<TEvent, THandler>()");
    }

    private static void Describe(Type type, StringBuilder text, NullabilityInfoContext nullability, string indent)
    {
        text.Append(indent).Append(type.Name).Append('\n');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            var info = nullability.Create(property);
            text.Append(indent).Append("  ").Append(property.Name).Append(": ").Append(Name(property.PropertyType, info)).Append('\n');
            var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[^1] : property.PropertyType;
            if (element.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) == true && !typeof(IIntegrationEvent).IsAssignableFrom(element) && !element.IsEnum)
            {
                Describe(element, text, nullability, indent + "    ");
            }
        }
    }

    private static string Name(Type type, NullabilityInfo info)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null || info.ReadState == NullabilityState.Nullable;
        var core = underlying ?? type;
        var name = core.IsGenericType
            ? $"{core.Name[..core.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", core.GetGenericArguments().Select((a, i) => i < info.GenericTypeArguments.Length ? Name(a, info.GenericTypeArguments[i]) : a.Name))}>"
            : core.Name;
        return nullable ? name + "?" : name;
    }
}
