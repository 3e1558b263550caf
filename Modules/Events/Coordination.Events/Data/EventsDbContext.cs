using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Data;

/// <summary>The Events module's own database.</summary>
internal class EventsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Events";

    public DbSet<Event> Events => Set<Event>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<ThemeWish> ThemeWishes => Set<ThemeWish>();

    public DbSet<ThemeVote> ThemeVotes => Set<ThemeVote>();

    public DbSet<KnownNetwork> Networks => Set<KnownNetwork>();

    public DbSet<KnownPerson> People => Set<KnownPerson>();

    public DbSet<KnownProject> Projects => Set<KnownProject>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Minutes> Minutes => Set<Minutes>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<DecisionCounter> DecisionCounters => Set<DecisionCounter>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Event>(e =>
        {
            e.ToTable("Events");
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.OwnsLocalizedText(x => x.Title, "Title", 200);
            e.OwnsLocalizedText(x => x.Description, "Description", 8000, finnishRequired: false);
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.OnlineLink).HasMaxLength(500);
            e.Property(x => x.Organiser).HasMaxLength(200);
            e.Property(x => x.OrganiserUserId).HasMaxLength(100);
            e.Property(x => x.Agenda).HasMaxLength(20000);
            e.HasIndex(x => x.StartsAt);
            e.HasIndex(x => x.NetworkId);
            e.HasIndex(x => x.SeriesId);
            e.HasIndex(x => x.ProjectId);
            e.HasMany(x => x.Materials).WithOne().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CalendarFeed>(e =>
        {
            e.ToTable("CalendarFeeds");
            e.Property(x => x.UserId).HasMaxLength(100);
            e.HasIndex(x => x.UserId).IsUnique();
        });
        modelBuilder.Entity<EventMaterial>(e =>
        {
            e.ToTable("EventMaterials");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Url).HasMaxLength(1000);
        });
        modelBuilder.Entity<Registration>(e =>
        {
            e.ToTable("Registrations");
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasIndex(x => new { x.EventId, x.Email }).IsUnique();
            e.HasIndex(x => new { x.EventId, x.Status, x.Number });
            e.HasIndex(x => x.CancelTokenHash).IsUnique();
            e.Property(x => x.Organisation).HasMaxLength(300);
            e.Property(x => x.Needs).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CancelTokenHash).HasMaxLength(64);
            e.Property(x => x.Language).HasMaxLength(2);
        });
        modelBuilder.Entity<ThemeWish>(e =>
        {
            e.ToTable("ThemeWishes");
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Text).HasMaxLength(300);
            e.Property(x => x.ProposedBy).HasMaxLength(100);
            e.HasMany(x => x.Votes).WithOne().HasForeignKey(v => v.WishId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ThemeVote>(e =>
        {
            e.ToTable("ThemeVotes");
            e.HasKey(x => new { x.WishId, x.UserId });
            e.Property(x => x.UserId).HasMaxLength(100);
        });
        modelBuilder.Entity<KnownPerson>(e =>
        {
            e.ToTable("People");
            e.HasKey(x => x.PersonId);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasIndex(x => x.Email);
            e.Property(x => x.ProjectIds).AsJsonList().HasColumnName("ProjectIdsJson");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.SteeringGroupNetworkIds).AsJsonList().HasColumnName("SteeringGroupNetworkIdsJson");
            e.Property(x => x.SteeringGroupProjectIds).AsJsonList().HasColumnName("SteeringGroupProjectIdsJson");
        });
        modelBuilder.Entity<KnownProject>(e =>
        {
            e.ToTable("Projects");
            e.HasKey(x => x.ProjectId);
            e.HasIndex(x => x.NetworkId);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Acronym).HasMaxLength(50);
            e.Ignore(x => x.Label);
        });
        modelBuilder.Entity<KnownNetwork>(e =>
        {
            e.ToTable("Networks");
            e.HasKey(x => x.NetworkId);
            e.Property(x => x.NameFi).HasMaxLength(200);
            e.Property(x => x.NameSv).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
        });
        modelBuilder.Entity<Minutes>(e =>
        {
            e.ToTable("Minutes");
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.EventId, x.Version }).IsUnique();
            e.Property(x => x.Text).HasMaxLength(50000);
            e.Property(x => x.ApprovedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<Decision>(e =>
        {
            e.ToTable("Decisions");
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.NetworkId, x.Year, x.Number }).IsUnique();
            e.HasIndex(x => x.EventId);
            e.Property(x => x.Text).HasMaxLength(4000);
        });
        modelBuilder.Entity<DecisionCounter>(e =>
        {
            e.ToTable("DecisionCounters");
            e.HasKey(x => new { x.NetworkId, x.Year });
        });
        modelBuilder.Entity<ActionItem>(e =>
        {
            e.ToTable("ActionItems");
            e.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.What).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.ClosedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.PersonId, x.Status });
            e.HasIndex(x => new { x.Status, x.Due });
            e.HasIndex(x => x.EventId);
        });
        modelBuilder.IdsAreMadeInCode(typeof(Event).Assembly);
    }
}

internal sealed class SqliteEventsDbContext(DbContextOptions<SqliteEventsDbContext> options) : EventsDbContext(options);

internal sealed class PostgresEventsDbContext(DbContextOptions<PostgresEventsDbContext> options) : EventsDbContext(options);

internal sealed class SqliteEventsDbContextFactory : SqliteDesignTimeFactory<SqliteEventsDbContext>;

internal sealed class PostgresEventsDbContextFactory() : PostgresDesignTimeFactory<PostgresEventsDbContext>("Events");
