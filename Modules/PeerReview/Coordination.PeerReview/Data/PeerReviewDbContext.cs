using System.Text.Json;
using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Coordination.PeerReview.Data;

/// <summary>The PeerReview module's own database: rounds, submissions (snapshots), reviewers,
/// assignments and reviews, and what it knows of projects, people and review requests.</summary>
internal class PeerReviewDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "PeerReview";

    public DbSet<Round> Rounds => Set<Round>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Reviewer> Reviewers => Set<Reviewer>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<KnownProject> Projects => Set<KnownProject>();

    public DbSet<KnownPerson> People => Set<KnownPerson>();

    public DbSet<ReviewRequest> Requests => Set<ReviewRequest>();

    public DbSet<KnownEvent> Events => Set<KnownEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Round>(e =>
        {
            e.ToTable("Rounds");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Criteria).AsJsonList().HasColumnName("CriteriaJson");
        });
        modelBuilder.Entity<Submission>(e =>
        {
            e.ToTable("Submissions");
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.OrganisationIds).AsJsonList().HasColumnName("OrganisationIdsJson");
            e.OwnsModelCard();
            e.Property(x => x.Feedback).HasMaxLength(20000);
            e.Property(x => x.RoundTableNotes).HasMaxLength(20000);
            e.Property(x => x.RoundTableOutcome).HasMaxLength(4000);
            e.HasIndex(x => new { x.RoundId, x.ModelId }).IsUnique();
            e.HasIndex(x => x.ModelId);
        });
        modelBuilder.Entity<Reviewer>(e =>
        {
            e.ToTable("Reviewers");
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Language).HasMaxLength(2).HasDefaultValue("fi");
            e.Property(x => x.OrganisationIds).AsJsonList().HasColumnName("OrganisationIdsJson");
            e.Property(x => x.ConflictProjectIds).AsJsonList().HasColumnName("ConflictProjectIdsJson");
            e.Property(x => x.ConflictOrganisationIds).AsJsonList().HasColumnName("ConflictOrganisationIdsJson");
            e.HasIndex(x => new { x.RoundId, x.Email }).IsUnique();
            e.HasIndex(x => x.Email);
        });
        modelBuilder.Entity<Assignment>(e =>
        {
            e.ToTable("Assignments");
            e.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Reviewer>().WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.SubmissionId, x.ReviewerId }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.ReviewerId });
        });
        modelBuilder.Entity<Review>(e =>
        {
            e.ToTable("Reviews");
            e.HasOne<Assignment>().WithOne().HasForeignKey<Review>(x => x.Id).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Strengths).HasMaxLength(8000);
            e.Property(x => x.Suggestions).HasMaxLength(8000);
            e.Property(x => x.Transferability).HasMaxLength(8000);
            e.Property(x => x.Scores).HasColumnName("ScoresJson").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, JsonSerializerOptions.Web) ?? new Dictionary<string, int>(),
                new ValueComparer<Dictionary<string, int>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    v => new Dictionary<string, int>(v)));
            e.HasIndex(x => new { x.SubmissionId, x.Status });
        });
        modelBuilder.Entity<KnownProject>(e =>
        {
            e.ToTable("Projects");
            e.HasKey(x => x.ProjectId);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Acronym).HasMaxLength(50);
            e.Property(x => x.OrganisationIds).AsJsonList().HasColumnName("OrganisationIdsJson");
        });
        modelBuilder.Entity<KnownPerson>(e =>
        {
            e.ToTable("People");
            e.HasKey(x => x.PersonId);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Language).HasMaxLength(2).HasDefaultValue("fi");
            e.HasIndex(x => x.Email);
            e.Property(x => x.ProjectIds).AsJsonList().HasColumnName("ProjectIdsJson");
            e.Property(x => x.ManagedProjects).AsJsonList().HasColumnName("ManagedProjectsJson");
        });
        modelBuilder.Entity<ReviewRequest>(e =>
        {
            e.ToTable("ReviewRequests");
            e.HasKey(x => x.ModelId);
            e.OwnsModelCard();
            e.Property(x => x.OrganisationIds).AsJsonList().HasColumnName("OrganisationIdsJson");
        });
        modelBuilder.Entity<KnownEvent>(e =>
        {
            e.ToTable("Events");
            e.HasKey(x => x.EventId);
            e.OwnsLocalizedText(x => x.Title, "Title", 200);
        });
        modelBuilder.IdsAreMadeInCode(typeof(Round).Assembly);
    }
}

internal sealed class SqlitePeerReviewDbContext(DbContextOptions<SqlitePeerReviewDbContext> options) : PeerReviewDbContext(options);

internal sealed class PostgresPeerReviewDbContext(DbContextOptions<PostgresPeerReviewDbContext> options) : PeerReviewDbContext(options);

internal sealed class SqlitePeerReviewDbContextFactory : SqliteDesignTimeFactory<SqlitePeerReviewDbContext>;

internal sealed class PostgresPeerReviewDbContextFactory() : PostgresDesignTimeFactory<PostgresPeerReviewDbContext>("PeerReview");
