using Coordination.Shared.Data;
using Coordination.Shared.Email.Queue;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Identity;

/// <summary>Sign-ins, roles, browser sessions, the audit of what coordinators do to sign-ins and
/// (on PostgreSQL) the shared Data Protection keys. Not a module: accounts are infrastructure of the Host.
/// Its own mail queue takes invitations and password resets.</summary>
public class IdentityDb(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext, IMailQueueDatabase
{
    public const string Name = "Identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SignInSession> Sessions => Set<SignInSession>();

    public DbSet<QueuedMail> MailQueue => Set<QueuedMail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Records an administrative change to a sign-in: who did what (no names, no addresses).</summary>
    public void Audit(string? userId, string action, string entityId, string? summary, DateTime atUtc)
        => AuditEntries.Record(userId, action, "User", entityId, summary, atUtc);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        if (!Database.IsSqlite())
        {
            builder.HasDefaultSchema(DatabaseOptions.Schema(Name));
        }

        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasIndex(u => u.PersonId);
        });
        builder.Entity<SignInSession>(e =>
        {
            e.ToTable("Sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.SecurityStamp).HasMaxLength(256);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.ExpiresAt);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.AuditEntries();
        builder.AddMailQueue();
    }
}

internal sealed class SqliteIdentityDb(DbContextOptions<SqliteIdentityDb> options) : IdentityDb(options);

internal sealed class PostgresIdentityDb(DbContextOptions<PostgresIdentityDb> options) : IdentityDb(options);

internal sealed class SqliteIdentityDbFactory : SqliteDesignTimeFactory<SqliteIdentityDb>;

internal sealed class PostgresIdentityDbFactory() : PostgresDesignTimeFactory<PostgresIdentityDb>(IdentityDb.Name);
