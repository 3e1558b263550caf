using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Data;

/// <summary>Monitoring's read model: its own copy of what the indicators need.</summary>
internal class MonitoringDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Monitoring";

    public DbSet<NetworkFact> Networks => Set<NetworkFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<NetworkFact>(e =>
        {
            e.ToTable("NetworkFacts");
            e.HasKey(x => x.NetworkId);
            e.Property(x => x.NameFi).HasMaxLength(200);
            e.HasIndex(x => x.CreatedAt);
        });
    }
}

/// <summary>A network as Monitoring knows it, from <c>NetworkCreated</c>.</summary>
internal sealed class NetworkFact
{
    public Guid NetworkId { get; set; }

    public required string NameFi { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options) : MonitoringDbContext(options);

internal sealed class PostgresMonitoringDbContext(DbContextOptions<PostgresMonitoringDbContext> options) : MonitoringDbContext(options);

internal sealed class SqliteMonitoringDbContextFactory : SqliteDesignTimeFactory<SqliteMonitoringDbContext>;

internal sealed class PostgresMonitoringDbContextFactory() : PostgresDesignTimeFactory<PostgresMonitoringDbContext>("Monitoring");
