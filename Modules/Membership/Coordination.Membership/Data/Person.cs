namespace Coordination.Membership.Data;

/// <summary>A person in the network's directory.</summary>
internal sealed class Person
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name was guessed from the e-mail address by an import; cleared when someone
    /// saves the person.</summary>
    public bool NameGuessed { get; set; }

    /// <summary>Lower-case; unique. After erasure a placeholder that is no address.</summary>
    public string Email { get; set; } = "";

    public string? Phone { get; set; }

    public Guid? OrganisationId { get; set; }

    /// <summary>"fi", "sv" or "en".</summary>
    public string Language { get; set; } = "fi";

    public List<PersonRoleAssignment> Roles { get; set; } = [];

    public DateTime? InvitedAt { get; set; }

    public DateTime? ErasedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A role a person holds in one project or in one network.</summary>
internal sealed class PersonRoleAssignment
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public PersonRoleKind Role { get; set; }

    public Guid? ProjectId { get; set; }

    public Guid? NetworkId { get; set; }
}

internal enum PersonRoleKind
{
    ProjectManager,
    Contact,
    Leadership,
    Coordinator,
    Expert,
    SteeringGroup,

    /// <summary>Observes a network for its funder: the sign-in gets the Funder role (indicators and reports).</summary>
    FunderObserver,
}
