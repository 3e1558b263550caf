using System.Text.Json;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Snapshooter.NUnit;

namespace Coordination.Membership.Tests;

/// <summary>The JSON of Membership's integration events is a contract for the other modules.</summary>
public sealed class EventSnapshotTests
{
    private static readonly Guid Project = Guid.Parse("0196c1a2-0000-7000-8000-000000000001");
    private static readonly Guid Network = Guid.Parse("0196c1a2-0000-7000-8000-000000000002");
    private static readonly Guid Lead = Guid.Parse("0196c1a2-0000-7000-8000-000000000003");
    private static readonly Guid Partner = Guid.Parse("0196c1a2-0000-7000-8000-000000000004");
    private static readonly Guid Person = Guid.Parse("0196c1a2-0000-7000-8000-000000000005");
    private static readonly DateTime At = new(2027, 2, 22, 7, 5, 0, DateTimeKind.Utc);

    private static readonly ProjectOrganisation[] Organisations =
    [
        new(Lead, "Aurinkolahden koulutuskuntayhtymä", "2783981-8", true),
        new(Partner, "Saariston yrkesinstitut", null, false),
    ];

    private static readonly PersonRole[] PersonRoles = [new("projectManager", Project, null), new("steeringGroup", null, Network)];

    [Test]
    public void ProjectJoinedNetwork_json_is_stable()
        => Check(new ProjectJoinedNetwork(Project, Network, "Yhdessä osaamista", "YO", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31), Organisations, At));

    [Test]
    public void ProjectUpdated_json_is_stable()
        => Check(new ProjectUpdated(Project, Network, "Yhdessä osaamista", "YO", new DateOnly(2027, 1, 1), new DateOnly(2029, 6, 30), Organisations, At));

    [Test]
    public void ProjectEnded_json_is_stable()
        => Check(new ProjectEnded(Project, Network, "Yhdessä osaamista", new DateOnly(2028, 12, 31), At));

    [Test]
    public void ProjectDeleted_json_is_stable()
        => Check(new ProjectDeleted(Project, Network, "Yhdessä osaamista", At));

    [Test]
    public void PersonRegistered_json_is_stable()
        => Check(new PersonRegistered(Person, "Maija Mallikas", "maija.mallikas@example.fi", Lead, "fi", PersonRoles, At));

    [Test]
    public void PersonUpdated_json_is_stable()
        => Check(new PersonUpdated(Person, "Maija Mallikas", "maija.mallikas@example.fi", null, "sv", PersonRoles, At));

    [Test]
    public void PersonErased_json_is_stable() => Check(new PersonErased(Person, At));

    [Test]
    public void NetworkRulesChanged_json_is_stable()
        => Check(new NetworkRulesChanged(Network, Guid.Parse("0196c1a2-0000-7000-8000-000000000006"), 2, At.AddDays(-10), [new(Partner, new DateOnly(2027, 2, 20))], At));

    [Test]
    public void CommitmentLetterSaved_json_is_stable()
        => Check(new CommitmentLetterSaved(Guid.Parse("0196c1a2-0000-7000-8000-000000000007"), Project, Partner, 3, "Maija Mallikas", new DateOnly(2026, 12, 1), Person, At));

    [Test]
    public void GoalSaved_json_is_stable()
        => Check(new GoalSaved(Guid.Parse("0196c1a2-0000-7000-8000-000000000008"), null, Project, "Opiskelijat oppivat työpaikoilla", At.AddDays(-100), At, At));

    [Test]
    public void WorkingGroupCoordinatorChanged_json_is_stable()
        => Check(new WorkingGroupCoordinatorChanged(Guid.Parse("0196c1a2-0000-7000-8000-000000000009"), Network, "Työelämäsolu", Person, At, At));

    private static void Check<T>(T integrationEvent)
        where T : class, IIntegrationEvent
    {
        var json = JsonSerializer.Serialize(integrationEvent, IntegrationEventJson.Options);
        Snapshot.Match(json);
        var back = JsonSerializer.Deserialize<T>(json, IntegrationEventJson.Options);
        Assert.That(JsonSerializer.Serialize(back, IntegrationEventJson.Options), Is.EqualTo(json), "the JSON reads back to the same event");
    }
}
