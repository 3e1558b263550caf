using System.Text.Json;
using Coordination.Shared.Messaging;
using Coordination.Surveys.Contracts;
using Snapshooter.NUnit;

namespace Coordination.Surveys.Tests;

public sealed class FollowUpEventSnapshotTests
{
    [Test]
    public void ModelFollowedUp_json_is_stable()
    {
        var followedUp = new ModelFollowedUp(
            Guid.Parse("0196c1a2-0000-7000-8000-000000000019"), Guid.Parse("0196c1a2-0000-7000-8000-00000000001a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000001b"),
            Guid.Parse("0196c1a2-0000-7000-8000-00000000001c"), 24, new DateOnly(2026, 12, 31), "noLonger", 0, 8, 3, "Rahoitus loppui",
            new DateTime(2029, 1, 14, 9, 30, 0, DateTimeKind.Utc), new DateTime(2029, 1, 14, 9, 30, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(followedUp, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<ModelFollowedUp>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }
}
