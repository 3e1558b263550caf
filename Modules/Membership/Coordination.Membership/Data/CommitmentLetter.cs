namespace Coordination.Membership.Data;

/// <summary>A partner organisation's letter of commitment to a project: its tasks and who from
/// its leadership signed, when.</summary>
internal sealed class CommitmentLetter
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid OrganisationId { get; set; }

    public List<string> Tasks { get; set; } = [];

    public string? SignedBy { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateTime UpdatedAt { get; set; }
}
