using System.Text.Json;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.Membership.Tests;

/// <summary>The JSON of an integration event is a contract: a change shows up here.</summary>
public sealed class NetworkCreatedSnapshotTests
{
    [Test]
    public void NetworkCreated_json_is_stable()
    {
        var integrationEvent = new NetworkCreated(
            Guid.Parse("0196c1a2-7b1e-7c3d-9a4b-2f5e6d7c8b9a"),
            "Jatkuvan oppimisen verkosto",
            "Nätverket för kontinuerligt lärande",
            null,
            new DateTime(2027, 2, 22, 7, 5, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(integrationEvent, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Deserialize<NetworkCreated>(json, IntegrationEventJson.Options), Is.EqualTo(integrationEvent), "the JSON reads back to the same event");
    }
}
