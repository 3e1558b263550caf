using System.Text.Json;
using Coordination.PeerReview.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.PeerReview.Tests;

public sealed class ReviewEventSnapshotTests
{
    [Test]
    public void ModelPeerReviewed_json_is_stable()
    {
        var reviewed = new ModelPeerReviewed(Guid.Parse("0196c1a2-0000-7000-8000-00000000000a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000000b"), "Syksyn vertaisarviointi", 3, 4.25, new DateTime(2027, 3, 10, 8, 0, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(reviewed, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<ModelPeerReviewed>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }

    [Test]
    public void ModelExpertReviewed_json_is_stable()
    {
        var reviewed = new ModelExpertReviewed(Guid.Parse("0196c1a2-0000-7000-8000-00000000000a"), Guid.Parse("0196c1a2-0000-7000-8000-00000000000c"), "Asiantuntija-arviointi", 1, null, new DateTime(2027, 4, 1, 8, 0, 0, DateTimeKind.Utc));
        var json = JsonSerializer.Serialize(reviewed, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<ModelExpertReviewed>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }
}
