using System.Text.Json;
using Coordination.Dissemination.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.Dissemination.Tests;

/// <summary>The JSON of Dissemination's newsletter and blog events (what Monitoring counts).</summary>
public sealed class NewsletterEventSnapshotTests
{
    private static void Stable<T>(T integrationEvent)
        where T : class, IIntegrationEvent
    {
        var json = JsonSerializer.Serialize(integrationEvent, IntegrationEventJson.Options);
        Snapshot.Match(json);
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, IntegrationEventJson.Options), IntegrationEventJson.Options), Is.EqualTo(json));
    }

    [Test]
    public void NewsletterIssueSent_json_is_stable()
        => Stable(new NewsletterIssueSent(Guid.Parse("0196c1a2-0000-7000-8000-0000000000e1"), "Uutiskirje 3/2027", "Nyhetsbrev 3/2027", 412, 3, new DateTime(2027, 3, 1, 7, 0, 0, DateTimeKind.Utc)));

    [Test]
    public void NewsletterSubscriptionConfirmed_json_is_stable()
        => Stable(new NewsletterSubscriptionConfirmed(Guid.Parse("0196c1a2-0000-7000-8000-0000000000e2"), "sv", new DateTime(2027, 2, 1, 10, 0, 0, DateTimeKind.Utc)));

    [Test]
    public void NewsletterSubscriptionEnded_json_is_stable()
        => Stable(new NewsletterSubscriptionEnded(Guid.Parse("0196c1a2-0000-7000-8000-0000000000e2"), new DateTime(2027, 5, 1, 10, 0, 0, DateTimeKind.Utc)));

    [Test]
    public void PostPublished_json_is_stable()
        => Stable(new PostPublished(Guid.Parse("0196c1a2-0000-7000-8000-0000000000e3"), "news", Guid.Parse("0196c1a2-0000-7000-8000-0000000000e4"), "Uutinen", "Nyhet", new DateTime(2027, 4, 1, 9, 0, 0, DateTimeKind.Utc)));
}
