using System.Text.Json;
using Coordination.Events.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.Events.Tests;

public sealed class EventHeldSnapshotTests
{
    [Test]
    public void EventHeld_json_is_stable()
    {
        var held = new EventHeld(
            Guid.Parse("0196c1a2-0000-7000-8000-00000000000a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000000b"), "developmentDay", "Kehittämispäivä",
            new DateTime(2027, 3, 10, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 10, 14, 0, 0, DateTimeKind.Utc),
            [new Attendee("anna@example.fi", "Anna Ahola", "Opisto A"), new Attendee("daniel@example.fi", "Daniel Dahl", null)],
            2, 1, new DateTime(2027, 3, 10, 15, 0, 0, DateTimeKind.Utc), FeedbackSurvey: true);
        var json = JsonSerializer.Serialize(held, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<EventHeld>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }
}
