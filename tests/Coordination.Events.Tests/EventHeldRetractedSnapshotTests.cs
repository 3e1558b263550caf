using System.Text.Json;
using Coordination.Events.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.Events.Tests;

public sealed class EventHeldRetractedSnapshotTests
{
    [Test]
    public void EventHeldRetracted_json_is_stable()
    {
        var retracted = new EventHeldRetracted(
            Guid.Parse("0196c1a2-0000-7000-8000-00000000000a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000000b"),
            new DateTime(2027, 3, 10, 15, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 11, 9, 0, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(retracted, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<EventHeldRetracted>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }
}
