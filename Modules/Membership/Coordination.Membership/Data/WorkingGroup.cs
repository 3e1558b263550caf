namespace Coordination.Membership.Data;

/// <summary>A theme group (cell) of the network with its members and rotating coordinator.</summary>
internal sealed class WorkingGroup
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public string? Theme { get; set; }

    public List<Guid> MemberIds { get; set; } = [];

    public List<CoordinatorTerm> CoordinatorTerms { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

/// <summary>A person's turn as the group's coordinator; the open term is the current one.</summary>
internal sealed class CoordinatorTerm
{
    public Guid Id { get; set; }

    public Guid GroupId { get; set; }

    public Guid PersonId { get; set; }

    public DateTime From { get; set; }

    public DateTime? To { get; set; }
}
