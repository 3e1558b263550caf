namespace Coordination.Shared.Data;

/// <summary>One administrative change. Holds a user id, never a name or an e-mail address.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public string? UserId { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public string? Summary { get; set; }

    public DateTime At { get; set; }
}
