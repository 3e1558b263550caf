namespace Coordination.Shared.Security;

/// <summary>The roles of the site. A person may hold several.</summary>
public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string ProjectManager = "ProjectManager";
    public const string Member = "Member";
    public const string Reviewer = "Reviewer";
    public const string Funder = "Funder";

    public static IReadOnlyList<string> All { get; } = [Coordinator, ProjectManager, Member, Reviewer, Funder];

    /// <summary>The network's own people. Reviewers (outside experts) and funder observers are not:
    /// they see only their assignments, or the indicators.</summary>
    public static IReadOnlyList<string> Network { get; } = [Coordinator, ProjectManager, Member];
}

/// <summary>Authorisation policies that endpoints name.</summary>
public static class Policies
{
    /// <summary>Coordination staff: run the network, write its data.</summary>
    public const string Coordinator = "Coordinator";

    /// <summary>The network's people (<see cref="Roles.Network"/>): read network data.</summary>
    public const string NetworkMember = "NetworkMember";

    /// <summary>The network's people and reviewers: the peer-review overview (each sees their own part).</summary>
    public const string Reviewing = "Reviewing";

    /// <summary>Coordinators and funder observers: indicators and reports.</summary>
    public const string Monitoring = "Monitoring";

    /// <summary>Coordinators and project managers: the projects' own work (e.g. the funder's
    /// reporting dates); a manager's handler narrows it to their projects.</summary>
    public const string ProjectWork = "ProjectWork";
}
