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
}

/// <summary>Authorisation policies that endpoints name.</summary>
public static class Policies
{
    /// <summary>Coordination staff: run the network, write its data.</summary>
    public const string Coordinator = "Coordinator";

    /// <summary>Anyone in the network (every role): reads network data.</summary>
    public const string NetworkMember = "NetworkMember";

    /// <summary>Coordinators and funder observers: indicators and reports.</summary>
    public const string Monitoring = "Monitoring";

    /// <summary>Coordinators and project managers: the projects' own work (e.g. the funder's
    /// reporting dates); a manager's handler narrows it to their projects.</summary>
    public const string ProjectWork = "ProjectWork";
}
