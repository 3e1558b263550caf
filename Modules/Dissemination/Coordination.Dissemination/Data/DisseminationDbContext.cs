using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Data;

/// <summary>The Dissemination module's own database.</summary>
internal class DisseminationDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Dissemination";

    public DbSet<Model> Models => Set<Model>();

    public DbSet<ModelTheme> ModelThemes => Set<ModelTheme>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<ModelAttachment> Attachments => Set<ModelAttachment>();

    public DbSet<ModelRelation> Relations => Set<ModelRelation>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<NewsletterIssue> Issues => Set<NewsletterIssue>();

    public DbSet<NewsletterDelivery> Deliveries => Set<NewsletterDelivery>();

    public DbSet<NewsletterTemplate> Templates => Set<NewsletterTemplate>();

    public DbSet<KnownNetwork> Networks => Set<KnownNetwork>();

    public DbSet<KnownProject> Projects => Set<KnownProject>();

    public DbSet<KnownPerson> People => Set<KnownPerson>();

    public DbSet<KnownEvent> Events => Set<KnownEvent>();

    public DbSet<SurveyHighlight> SurveyHighlights => Set<SurveyHighlight>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Model>(e =>
        {
            e.ToTable("Models");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.OwnsLocalizedText(x => x.Title, "Title", 200);
            e.OwnsLocalizedText(x => x.Summary, "Summary", 1000);
            e.OwnsLocalizedText(x => x.Challenge, "Challenge", 8000);
            e.OwnsLocalizedText(x => x.Method, "Method", 8000);
            e.OwnsLocalizedText(x => x.Result, "Result", 8000);
            e.OwnsLocalizedText(x => x.TargetGroup, "TargetGroup", 300, finnishRequired: false);
            e.OwnsLocalizedText(x => x.ResourcesNeeded, "ResourcesNeeded", 2000, finnishRequired: false);
            e.Property(x => x.Themes).AsJsonList().HasColumnName("ThemesJson");
            e.Property(x => x.Links).AsJsonList().HasColumnName("LinksJson");
            e.Property(x => x.FollowUpUse).HasMaxLength(20);
            e.Property(x => x.FollowUpReason).HasMaxLength(4000);
            e.Property(x => x.ContactName).HasMaxLength(200);
            e.Property(x => x.ContactEmail).HasMaxLength(254);
            e.Property(x => x.Version).IsConcurrencyToken();
            // With Id: the theme filter's and search's published ids come from the index alone.
            e.HasIndex(x => new { x.Status, x.PublishedAt, x.Id });
            e.HasIndex(x => x.ProjectId);
            e.HasIndex(x => x.NetworkId);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.ModelId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ModelTheme>(e =>
        {
            e.ToTable("ModelThemes");
            e.HasKey(x => new { x.ModelId, x.Theme });
            e.Property(x => x.Theme).HasMaxLength(100);
            e.HasOne<Model>().WithMany().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Theme, x.ModelId });
        });
        modelBuilder.Entity<ModelVersion>(e =>
        {
            e.ToTable("ModelVersions");
            e.HasOne<Model>().WithMany().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Action).HasMaxLength(30);
            e.Property(x => x.SavedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.ModelId, x.Version }).IsUnique();
        });
        modelBuilder.Entity<ModelAttachment>(e =>
        {
            e.ToTable("ModelAttachments");
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
        });
        modelBuilder.Entity<ModelRelation>(e =>
        {
            e.ToTable("ModelRelations");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Model>().WithMany().HasForeignKey(x => x.FromModelId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Model>().WithMany().HasForeignKey(x => x.ToModelId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.FromModelId, x.ToModelId }).IsUnique();
        });
        modelBuilder.Entity<Post>(e =>
        {
            e.ToTable("Posts");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.OwnsLocalizedText(x => x.Title, "Title", 200);
            e.OwnsLocalizedText(x => x.Body, "Body", 20000);
            e.Property(x => x.AuthorUserId).HasMaxLength(100);
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.ReturnNote).HasMaxLength(1000);
            e.HasIndex(x => new { x.Status, x.PublishedAt });
            e.HasIndex(x => x.AuthorUserId);
        });
        modelBuilder.Entity<Subscriber>(e =>
        {
            e.ToTable("Subscribers");
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.Email).IsUnique();
            e.HasIndex(x => x.Status);
            e.Property(x => x.UnsubscribeToken).HasMaxLength(Subscriber.UnsubscribeTokenLength);
            e.HasIndex(x => x.UnsubscribeToken).IsUnique();
        });
        modelBuilder.Entity<NewsletterIssue>(e =>
        {
            e.ToTable("NewsletterIssues");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.OwnsLocalizedText(x => x.Subject, "Subject", 200);
            e.OwnsLocalizedText(x => x.Editorial, "Editorial", 8000, finnishRequired: false);
            e.HasIndex(x => new { x.Status, x.ScheduledAt });
        });
        modelBuilder.Entity<NewsletterDelivery>(e =>
        {
            e.ToTable("NewsletterDeliveries");
            e.HasOne<NewsletterIssue>().WithMany().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Error).HasMaxLength(500);
            e.HasIndex(x => new { x.IssueId, x.Email }).IsUnique();
            e.HasIndex(x => new { x.IssueId, x.Status });
            e.HasIndex(x => x.ClaimId);
        });
        modelBuilder.Entity<NewsletterTemplate>(e => e.ToTable("NewsletterTemplates"));
        modelBuilder.Entity<KnownNetwork>(e =>
        {
            e.ToTable("Networks");
            e.HasKey(x => x.NetworkId);
            e.Property(x => x.NameFi).HasMaxLength(200);
            e.Property(x => x.NameSv).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
        });
        modelBuilder.Entity<KnownProject>(e =>
        {
            e.ToTable("Projects");
            e.HasKey(x => x.ProjectId);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Acronym).HasMaxLength(50);
            e.Property(x => x.Organisations).AsJsonList().HasColumnName("OrganisationsJson");
        });
        modelBuilder.Entity<KnownPerson>(e =>
        {
            e.ToTable("People");
            e.HasKey(x => x.PersonId);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasIndex(x => x.Email);
            e.Property(x => x.ManagedProjects).AsJsonList().HasColumnName("ManagedProjectsJson");
            e.Property(x => x.Projects).AsJsonList().HasColumnName("ProjectsJson");
        });
        modelBuilder.Entity<KnownEvent>(e =>
        {
            e.ToTable("Events");
            e.HasKey(x => x.EventId);
            e.Property(x => x.Type).HasMaxLength(40);
            e.OwnsLocalizedText(x => x.Title, "Title", 200);
            e.Property(x => x.Place).HasMaxLength(300);
            e.HasIndex(x => x.StartsAt);
        });
        modelBuilder.Entity<SurveyHighlight>(e =>
        {
            e.ToTable("SurveyHighlights");
            e.HasKey(x => x.SurveyId);
            e.OwnsLocalizedText(x => x.Title, "Title", 200);
            e.Property(x => x.Statements).AsJsonList().HasColumnName("StatementsJson");
            e.HasIndex(x => x.ClosedAt);
        });
        modelBuilder.IdsAreMadeInCode(typeof(Model).Assembly);
    }
}

internal sealed class SqliteDisseminationDbContext(DbContextOptions<SqliteDisseminationDbContext> options) : DisseminationDbContext(options);

internal sealed class PostgresDisseminationDbContext(DbContextOptions<PostgresDisseminationDbContext> options) : DisseminationDbContext(options);

internal sealed class SqliteDisseminationDbContextFactory : SqliteDesignTimeFactory<SqliteDisseminationDbContext>;

internal sealed class PostgresDisseminationDbContextFactory() : PostgresDesignTimeFactory<PostgresDisseminationDbContext>("Dissemination");
