using System.Text.Json;
using Coordination.Events.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.Events.Tests;

public sealed class EventScheduledSnapshotTests
{
    [Test]
    public void EventScheduled_json_is_stable()
    {
        var scheduled = new EventScheduled(
            Guid.Parse("0196c1a2-0000-7000-8000-00000000000a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000000b"), "webinar", "public", "Avoin webinaari", "Öppet webbinarium", null,
            new DateTime(2027, 3, 10, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 10, 10, 0, 0, DateTimeKind.Utc), "Tampere", true, 2, new DateTime(2027, 2, 1, 9, 0, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(scheduled, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<EventScheduled>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }

    [Test]
    public void EventCancelled_json_is_stable()
    {
        var cancelled = new EventCancelled(Guid.Parse("0196c1a2-0000-7000-8000-00000000000a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000000b"), 3, new DateTime(2027, 2, 2, 9, 0, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(cancelled, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<EventCancelled>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }
}
