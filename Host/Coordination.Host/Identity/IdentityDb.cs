using Coordination.Shared.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Identity;

/// <summary>Sign-ins, roles and (on PostgreSQL) the shared Data Protection keys. Not a module:
/// accounts are infrastructure of the Host.</summary>
public class IdentityDb(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string Name = "Identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        if (!Database.IsSqlite())
        {
            builder.HasDefaultSchema(DatabaseOptions.Schema(Name));
        }

        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));
    }
}

internal sealed class SqliteIdentityDb(DbContextOptions<SqliteIdentityDb> options) : IdentityDb(options);

internal sealed class PostgresIdentityDb(DbContextOptions<PostgresIdentityDb> options) : IdentityDb(options);

internal sealed class SqliteIdentityDbFactory : SqliteDesignTimeFactory<SqliteIdentityDb>;

internal sealed class PostgresIdentityDbFactory() : PostgresDesignTimeFactory<PostgresIdentityDb>(IdentityDb.Name);
