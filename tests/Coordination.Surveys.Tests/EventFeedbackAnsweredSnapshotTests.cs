using System.Text.Json;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Snapshooter.NUnit;

namespace Coordination.Surveys.Tests;

public sealed class EventFeedbackAnsweredSnapshotTests
{
    [Test]
    public void EventFeedbackAnswered_json_is_stable()
    {
        var answered = new EventFeedbackAnswered(
            Guid.Parse("0196c1a2-0000-7000-8000-000000000021"), Guid.Parse("0196c1a2-0000-7000-8000-000000000022"), Guid.Parse("0196c1a2-0000-7000-8000-000000000023"));
        var json = JsonSerializer.Serialize(answered, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<EventFeedbackAnswered>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }
}
