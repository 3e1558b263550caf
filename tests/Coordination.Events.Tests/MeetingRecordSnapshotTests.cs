using System.Text.Json;
using Coordination.Events.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.Events.Tests;

/// <summary>The meeting record's contract events, as Monitoring and the network-health check read them.</summary>
public sealed class MeetingRecordSnapshotTests
{
    private static readonly Guid EventId = Guid.Parse("0196c1a2-0000-7000-8000-00000000000a");
    private static readonly Guid NetworkId = Guid.Parse("0196c1a2-0000-7000-8000-00000000000b");

    [Test]
    public void DecisionMade_json_is_stable()
        => Check(new DecisionMade(Guid.Parse("0196c1a2-0000-7000-8000-0000000000d1"), EventId, NetworkId, 2027, 12, "Hyväksyttiin toimintasuunnitelma.", false, new DateTime(2027, 3, 12, 10, 0, 0, DateTimeKind.Utc)));

    [Test]
    public void MinutesApproved_json_is_stable()
        => Check(new MinutesApproved(EventId, NetworkId, "steeringGroup", new DateTime(2027, 3, 10, 8, 0, 0, DateTimeKind.Utc), 2, 3, new DateTime(2027, 3, 12, 10, 0, 0, DateTimeKind.Utc)));

    [Test]
    public void ActionItemClosed_json_is_stable()
        => Check(new ActionItemClosed(Guid.Parse("0196c1a2-0000-7000-8000-0000000000e1"), EventId, NetworkId, Guid.Parse("0196c1a2-0000-7000-8000-0000000000a1"), new DateOnly(2027, 4, 1), new DateTime(2027, 3, 30, 12, 0, 0, DateTimeKind.Utc)));

    private static void Check<T>(T integrationEvent)
    {
        var json = JsonSerializer.Serialize(integrationEvent, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }
}
