using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Shared.Messaging;

/// <summary>The one JSON shape of integration events in outboxes (and in snapshot tests).</summary>
public static class IntegrationEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };
}
