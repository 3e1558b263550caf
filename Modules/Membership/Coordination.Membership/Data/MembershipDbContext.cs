using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Data;

internal class MembershipDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Membership";

    public DbSet<Network> Networks => Set<Network>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Network>(e =>
        {
            e.ToTable("Networks");
            e.HasKey(x => x.Id);
            e.OwnsOne(x => x.Name, n =>
            {
                n.Property(p => p.Fi).HasColumnName("NameFi").HasMaxLength(200).IsRequired();
                n.Property(p => p.Sv).HasColumnName("NameSv").HasMaxLength(200);
                n.Property(p => p.En).HasColumnName("NameEn").HasMaxLength(200);
            });
            e.Navigation(x => x.Name).IsRequired();
            e.OwnsOne(x => x.Description, n =>
            {
                n.Property(p => p.Fi).HasColumnName("DescriptionFi").HasMaxLength(4000).IsRequired();
                n.Property(p => p.Sv).HasColumnName("DescriptionSv").HasMaxLength(4000);
                n.Property(p => p.En).HasColumnName("DescriptionEn").HasMaxLength(4000);
            });
            e.Navigation(x => x.Description).IsRequired();
            e.Property(x => x.NormalizedName).HasMaxLength(200);
            e.HasIndex(x => x.NormalizedName).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}

internal sealed class SqliteMembershipDbContext(DbContextOptions<SqliteMembershipDbContext> options) : MembershipDbContext(options);

internal sealed class PostgresMembershipDbContext(DbContextOptions<PostgresMembershipDbContext> options) : MembershipDbContext(options);

internal sealed class SqliteMembershipDbContextFactory : SqliteDesignTimeFactory<SqliteMembershipDbContext>;

internal sealed class PostgresMembershipDbContextFactory() : PostgresDesignTimeFactory<PostgresMembershipDbContext>("Membership");
