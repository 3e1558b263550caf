using System.Text.Json;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coordination.Shared.Data;

/// <summary>
/// Base of every module's DbContext: the module's outbox, inbox, mail queue and audit trail live
/// in its own database, so a state change, the events it publishes, the e-mails it causes and
/// its audit entry commit together.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options), IMailQueueDatabase
{
    /// <summary>The module's name; its PostgreSQL schema is the lower-case form.</summary>
    protected abstract string ModuleName { get; }

    /// <summary>The module's name, for the tag of its cached pages.</summary>
    internal string Module => ModuleName;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>E-mails to send (<see cref="MailQueueExtensions.QueueMail"/>).</summary>
    public DbSet<QueuedMail> MailQueue => Set<QueuedMail>();

    /// <summary>Adds an integration event to the outbox; it is stored by the next SaveChanges,
    /// in the same transaction as the state change that caused it.</summary>
    public void Publish<TEvent>(TEvent integrationEvent, DateTime occurredAtUtc)
        where TEvent : class, IIntegrationEvent
        => OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            // The runtime type: a caller may hold the event as IIntegrationEvent.
            Type = integrationEvent.GetType().FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), IntegrationEventJson.Options),
            OccurredAt = occurredAtUtc,
            NextAttemptAt = occurredAtUtc,
        });

    /// <summary>Records an administrative change: who did what to which thing.</summary>
    public void Audit(string? userId, string action, string entityType, string entityId, string? summary, DateTime atUtc)
        => AuditEntries.Record(userId, action, entityType, entityId, summary, atUtc);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC; SQLite would otherwise hand them back as "unspecified".
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(DatabaseOptions.Schema(ModuleName));
        }

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(300);
            e.Property(x => x.LastError).HasMaxLength(4000);
            e.Property(x => x.ClaimId).HasColumnName("ClaimToken");
            e.HasIndex(x => new { x.ProcessedAt, x.ParkedAt, x.NextAttemptAt });
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("InboxMessages");
            e.HasKey(x => new { x.EventId, x.Handler });
            e.Property(x => x.Handler).HasMaxLength(300);
            e.HasIndex(x => x.ProcessedAt);
        });
        modelBuilder.AuditEntries();
        modelBuilder.AddMailQueue();
    }

    /// <summary>Public because the compiled models (Data/CompiledModel) name it.</summary>
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
