using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Data;

/// <summary>The Surveys module's own database.</summary>
internal class SurveysDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Surveys";

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<KnownNetwork> Networks => Set<KnownNetwork>();

    public DbSet<KnownProject> Projects => Set<KnownProject>();

    public DbSet<KnownPerson> People => Set<KnownPerson>();

    public DbSet<KnownEvent> HeldEvents => Set<KnownEvent>();

    public DbSet<KnownModel> Models => Set<KnownModel>();

    public DbSet<FollowUpWave> FollowUpWaves => Set<FollowUpWave>();

    public DbSet<FollowUpRecipient> FollowUpRecipients => Set<FollowUpRecipient>();

    public DbSet<FollowUpAnswer> FollowUpAnswers => Set<FollowUpAnswer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Survey>(e =>
        {
            e.ToTable("Surveys");
            e.OwnsLocalizedText(x => x.Title, "Title", 200);
            e.OwnsLocalizedText(x => x.Intro, "Intro", 4000, finnishRequired: false);
            e.Property(x => x.OpenLinkSlug).HasMaxLength(40);
            e.Property(x => x.Template).HasMaxLength(40);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.Questions).AsJsonList().HasColumnName("QuestionsJson");
            e.HasIndex(x => x.NetworkId);
            e.HasIndex(x => x.SeriesId);
            e.HasIndex(x => x.OpenLinkSlug).IsUnique();
        });
        modelBuilder.Entity<Invitation>(e =>
        {
            e.ToTable("Invitations");
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Language).HasMaxLength(2);
            e.HasIndex(x => new { x.SurveyId, x.Email }).IsUnique();
        });
        modelBuilder.Entity<Response>(e =>
        {
            e.ToTable("Responses");
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => new { x.SurveyId, x.Status, x.ProjectId });
            e.HasIndex(x => x.InvitationId).IsUnique();
        });
        modelBuilder.Entity<Answer>(e =>
        {
            e.ToTable("Answers");
            e.HasKey(x => new { x.ResponseId, x.QuestionKey, x.Ordinal });
            e.HasOne<Response>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.QuestionKey).HasMaxLength(60);
            e.Property(x => x.Text).HasMaxLength(4000);
            // The results are one grouped scan of this covering index.
            e.HasIndex(x => new { x.SurveyId, x.QuestionKey, x.ProjectId, x.Value, x.CantSay });
        });
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
            e.HasIndex(x => x.NetworkId);
            e.Property(x => x.Organisations).AsJsonList().HasColumnName("OrganisationsJson");
        });
        modelBuilder.Entity<KnownPerson>(e =>
        {
            e.ToTable("People");
            e.HasKey(x => x.PersonId);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Roles).AsJsonList().HasColumnName("RolesJson");
        });
        modelBuilder.Entity<KnownEvent>(e =>
        {
            e.ToTable("HeldEvents");
            e.HasKey(x => x.EventId);
            e.Property(x => x.TitleFi).HasMaxLength(200);
            e.Property(x => x.Attendees).AsJsonList().HasColumnName("AttendeesJson");
        });
        modelBuilder.Entity<KnownModel>(e =>
        {
            e.ToTable("Models");
            e.HasKey(x => x.ModelId);
            e.Property(x => x.TitleFi).HasMaxLength(300);
            e.Property(x => x.TitleSv).HasMaxLength(300);
            e.Property(x => x.TitleEn).HasMaxLength(300);
            e.HasIndex(x => x.ProjectId);
        });
        modelBuilder.Entity<FollowUpWave>(e =>
        {
            e.ToTable("FollowUpWaves");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SkipReason).HasMaxLength(1000);
            e.HasIndex(x => new { x.ProjectId, x.ModelId, x.Months }).IsUnique();
            e.HasIndex(x => new { x.Status, x.DueOn });
        });
        modelBuilder.Entity<FollowUpRecipient>(e =>
        {
            e.ToTable("FollowUpRecipients");
            e.HasOne<FollowUpWave>().WithMany().HasForeignKey(x => x.WaveId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Language).HasMaxLength(2);
            e.HasIndex(x => new { x.WaveId, x.Email }).IsUnique();
        });
        modelBuilder.Entity<FollowUpAnswer>(e =>
        {
            e.ToTable("FollowUpAnswers");
            e.HasOne<FollowUpWave>().WithMany().HasForeignKey(x => x.WaveId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Use).HasMaxLength(20);
            e.Property(x => x.InUseAt).AsJsonList().HasColumnName("InUseAtJson");
            e.Property(x => x.RootedIn).AsJsonList().HasColumnName("RootedInJson");
            e.Property(x => x.SpreadNames).HasMaxLength(2000);
            e.Property(x => x.Changed).HasMaxLength(4000);
            e.Property(x => x.Helps).HasMaxLength(4000);
            e.Property(x => x.Hinders).HasMaxLength(4000);
            e.HasIndex(x => new { x.WaveId, x.OrganisationId }).IsUnique();
        });
        modelBuilder.IdsAreMadeInCode(typeof(Survey).Assembly);
    }
}

internal sealed class SqliteSurveysDbContext(DbContextOptions<SqliteSurveysDbContext> options) : SurveysDbContext(options);

internal sealed class PostgresSurveysDbContext(DbContextOptions<PostgresSurveysDbContext> options) : SurveysDbContext(options);

internal sealed class SqliteSurveysDbContextFactory : SqliteDesignTimeFactory<SqliteSurveysDbContext>;

internal sealed class PostgresSurveysDbContextFactory() : PostgresDesignTimeFactory<PostgresSurveysDbContext>("Surveys");
