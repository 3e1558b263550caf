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

    /// <summary>Attendees from the directory carry their person, organisation and projects (added
    /// as optional fields: an older payload without them still reads).</summary>
    [Test]
    public void EventHeld_with_directory_attendees_json_is_stable()
    {
        var held = new EventHeld(
            Guid.Parse("0196c1a2-0000-7000-8000-00000000000a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000000b"), "networkMeeting", "Verkostotapaaminen",
            new DateTime(2027, 3, 10, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 10, 9, 0, 0, DateTimeKind.Utc),
            [new Attendee("anna@example.fi", "Anna Ahola", "Opisto A", Guid.Parse("0196c1a2-0000-7000-8000-0000000000a1"), Guid.Parse("0196c1a2-0000-7000-8000-0000000000c1"), [Guid.Parse("0196c1a2-0000-7000-8000-0000000000d1"), Guid.Parse("0196c1a2-0000-7000-8000-0000000000d2")])],
            1, 1, new DateTime(2027, 3, 10, 9, 30, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(held, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<EventHeld>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));

        const string older = "{\"eventId\":\"0196c1a2-0000-7000-8000-00000000000a\",\"networkId\":\"0196c1a2-0000-7000-8000-00000000000b\",\"type\":\"webinar\",\"titleFi\":\"W\",\"startsAt\":\"2027-03-10T08:00:00Z\",\"endsAt\":\"2027-03-10T09:00:00Z\",\"attendees\":[{\"email\":\"a@example.fi\",\"name\":\"A\",\"organisation\":null}],\"participantCount\":1,\"organisationCount\":0,\"heldAt\":\"2027-03-10T09:30:00Z\"}";
        var read = JsonSerializer.Deserialize<EventHeld>(older, IntegrationEventJson.Options)!;
        Assert.That(read.Attendees[0], Is.EqualTo(new Attendee("a@example.fi", "A", null)));
    }
}
