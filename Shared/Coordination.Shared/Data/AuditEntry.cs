using Microsoft.EntityFrameworkCore;

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

public static class AuditRecording
{
    /// <summary>Records an administrative change: who did what to which thing. It is stored by the
    /// next SaveChanges, with the change itself.</summary>
    public static void Record(this DbSet<AuditEntry> entries, string? userId, string action, string entityType, string entityId, string? summary, DateTime atUtc)
        => entries.Add(new AuditEntry { Id = Guid.CreateVersion7(), UserId = userId, Action = action, EntityType = entityType, EntityId = entityId, Summary = summary, At = atUtc });
}
