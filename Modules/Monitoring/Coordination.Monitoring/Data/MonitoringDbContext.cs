using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Monitoring.Data;

/// <summary>Monitoring's read model: its own copy of what the indicators need, fed only by the
/// other modules' integration events (live, or republished for a late start), kept as dated
/// facts so that any period can be counted again; and Monitoring's own data, the funder's
/// reporting dates with the reminders sent for them.</summary>
internal class MonitoringDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Monitoring";

    public DbSet<NetworkFact> Networks => Set<NetworkFact>();

    public DbSet<ProjectFact> Projects => Set<ProjectFact>();

    public DbSet<ProjectOrganisationFact> ProjectOrganisations => Set<ProjectOrganisationFact>();

    public DbSet<PersonFact> People => Set<PersonFact>();

    public DbSet<PersonRoleFact> PersonRoles => Set<PersonRoleFact>();

    public DbSet<HeldEventFact> HeldEvents => Set<HeldEventFact>();

    public DbSet<AttendanceFact> Attendances => Set<AttendanceFact>();

    public DbSet<AttendanceProjectFact> AttendanceProjects => Set<AttendanceProjectFact>();

    public DbSet<SurveyFact> Surveys => Set<SurveyFact>();

    public DbSet<ModelFact> Models => Set<ModelFact>();

    public DbSet<ModelReviewFact> ModelReviews => Set<ModelReviewFact>();

    public DbSet<ModelFollowUpFact> ModelFollowUps => Set<ModelFollowUpFact>();

    public DbSet<NewsletterIssueFact> NewsletterIssues => Set<NewsletterIssueFact>();

    public DbSet<SubscriptionFact> Subscriptions => Set<SubscriptionFact>();

    public DbSet<PostFact> Posts => Set<PostFact>();

    public DbSet<RulesFact> Rules => Set<RulesFact>();

    public DbSet<RulesAcceptanceFact> RulesAcceptances => Set<RulesAcceptanceFact>();

    public DbSet<LetterFact> Letters => Set<LetterFact>();

    public DbSet<GoalFact> Goals => Set<GoalFact>();

    public DbSet<WorkingGroupFact> WorkingGroups => Set<WorkingGroupFact>();

    public DbSet<SurveyStatementFact> SurveyStatements => Set<SurveyStatementFact>();

    public DbSet<MinutesFact> Minutes => Set<MinutesFact>();

    public DbSet<HealthSettings> HealthSettings => Set<HealthSettings>();

    public DbSet<HealthSnapshot> HealthSnapshots => Set<HealthSnapshot>();

    public DbSet<ReportingDate> ReportingDates => Set<ReportingDate>();

    public DbSet<ReportReminder> ReportReminders => Set<ReportReminder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<NetworkFact>(e =>
        {
            e.ToTable("NetworkFacts");
            e.HasKey(x => x.NetworkId);
            e.Property(x => x.NameFi).HasMaxLength(200);
            e.Property(x => x.NameSv).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.HasIndex(x => x.CreatedAt);
        });
        modelBuilder.Entity<ProjectFact>(e =>
        {
            e.ToTable("ProjectFacts");
            e.HasKey(x => x.ProjectId);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Acronym).HasMaxLength(50);
            e.HasIndex(x => x.NetworkId);
        });
        modelBuilder.Entity<ProjectOrganisationFact>(e =>
        {
            e.ToTable("ProjectOrganisationFacts");
            e.HasKey(x => new { x.ProjectId, x.OrganisationId });
            e.Property(x => x.Name).HasMaxLength(300);
        });
        modelBuilder.Entity<PersonFact>(e =>
        {
            e.ToTable("PersonFacts");
            e.HasKey(x => x.PersonId);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Language).HasMaxLength(5);
            e.HasIndex(x => x.Email);
        });
        modelBuilder.Entity<PersonRoleFact>(e =>
        {
            e.ToTable("PersonRoleFacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Role).HasMaxLength(30);
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => new { x.Role, x.ProjectId });
        });
        modelBuilder.Entity<HeldEventFact>(e =>
        {
            e.ToTable("HeldEventFacts");
            e.HasKey(x => x.EventId);
            e.Property(x => x.Type).HasMaxLength(30);
            e.Property(x => x.TitleFi).HasMaxLength(300);
            // Covering the period's counts by type and month.
            e.HasIndex(x => new { x.NetworkId, x.StartsAt, x.Type, x.Month, x.Participants });
        });
        modelBuilder.Entity<AttendanceFact>(e =>
        {
            e.ToTable("AttendanceFacts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EventId, x.AttendeeKey }).IsUnique();
            e.Property(x => x.AttendeeKey).HasMaxLength(64);
            e.Property(x => x.OrganisationKey).HasMaxLength(300);
            // Covering the indicators' period counts, so they read the index alone (not each row).
            e.HasIndex(x => new { x.NetworkId, x.StartsAt, x.Month, x.AttendeeKey, x.OrganisationKey });
            e.HasIndex(x => x.PersonId);
        });
        modelBuilder.Entity<AttendanceProjectFact>(e =>
        {
            e.ToTable("AttendanceProjectFacts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EventId, x.AttendeeKey, x.ProjectId }).IsUnique();
            e.Property(x => x.AttendeeKey).HasMaxLength(64);
            // Covering the per-project counts of a period, as above.
            e.HasIndex(x => new { x.NetworkId, x.StartsAt, x.ProjectId, x.AttendeeKey, x.EventId });
            e.HasIndex(x => x.PersonId);
        });
        modelBuilder.Entity<SurveyFact>(e =>
        {
            e.ToTable("SurveyFacts");
            e.HasKey(x => x.SurveyId);
            e.Property(x => x.TitleFi).HasMaxLength(300);
            e.Property(x => x.TitleSv).HasMaxLength(300);
            e.Property(x => x.Template).HasMaxLength(40);
            e.HasIndex(x => new { x.NetworkId, x.ClosedAt });
        });
        modelBuilder.Entity<ModelFact>(e =>
        {
            e.ToTable("ModelFacts");
            e.HasKey(x => x.ModelId);
            e.Property(x => x.TitleFi).HasMaxLength(300);
            e.Property(x => x.TitleSv).HasMaxLength(300);
            e.HasIndex(x => x.NetworkId);
        });
        modelBuilder.Entity<ModelReviewFact>(e =>
        {
            e.ToTable("ModelReviewFacts");
            e.HasKey(x => new { x.ModelId, x.RoundId });
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.RoundName).HasMaxLength(200);
            e.HasIndex(x => x.ReviewedAt);
        });
        modelBuilder.Entity<ModelFollowUpFact>(e =>
        {
            e.ToTable("ModelFollowUpFacts");
            e.HasKey(x => new { x.ModelId, x.Months });
            e.Property(x => x.Use).HasMaxLength(20);
            e.HasIndex(x => x.NetworkId);
        });
        modelBuilder.Entity<NewsletterIssueFact>(e =>
        {
            e.ToTable("NewsletterIssueFacts");
            e.HasKey(x => x.IssueId);
            e.Property(x => x.SubjectFi).HasMaxLength(300);
            e.Property(x => x.SubjectSv).HasMaxLength(300);
            e.HasIndex(x => x.SentAt);
        });
        modelBuilder.Entity<SubscriptionFact>(e =>
        {
            e.ToTable("SubscriptionFacts");
            e.HasKey(x => x.SubscriptionId);
            e.Property(x => x.Language).HasMaxLength(5);
        });
        modelBuilder.Entity<PostFact>(e =>
        {
            e.ToTable("PostFacts");
            e.HasKey(x => x.PostId);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.TitleFi).HasMaxLength(300);
            e.Property(x => x.TitleSv).HasMaxLength(300);
            e.HasIndex(x => x.PublishedAt);
        });
        modelBuilder.Entity<RulesFact>(e =>
        {
            e.ToTable("RulesFacts");
            e.HasKey(x => x.RulesId);
            e.HasIndex(x => x.NetworkId);
        });
        modelBuilder.Entity<RulesAcceptanceFact>(e =>
        {
            e.ToTable("RulesAcceptanceFacts");
            e.HasKey(x => new { x.RulesId, x.OrganisationId });
        });
        modelBuilder.Entity<LetterFact>(e =>
        {
            e.ToTable("LetterFacts");
            e.HasKey(x => x.LetterId);
            e.HasIndex(x => new { x.ProjectId, x.OrganisationId });
        });
        modelBuilder.Entity<GoalFact>(e =>
        {
            e.ToTable("GoalFacts");
            e.HasKey(x => x.GoalId);
            e.Property(x => x.Objective).HasMaxLength(4000);
            e.HasIndex(x => x.NetworkId);
            e.HasIndex(x => x.ProjectId);
        });
        modelBuilder.Entity<WorkingGroupFact>(e =>
        {
            e.ToTable("WorkingGroupFacts");
            e.HasKey(x => x.GroupId);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.NetworkId);
        });
        modelBuilder.Entity<SurveyStatementFact>(e =>
        {
            e.ToTable("SurveyStatementFacts");
            e.HasKey(x => new { x.SurveyId, x.Key });
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.TextFi).HasMaxLength(1000);
            e.Property(x => x.TextSv).HasMaxLength(1000);
        });
        modelBuilder.Entity<MinutesFact>(e =>
        {
            e.ToTable("MinutesFacts");
            e.HasKey(x => x.EventId);
            e.HasIndex(x => x.NetworkId);
        });
        modelBuilder.Entity<HealthSettings>(e =>
        {
            e.ToTable("HealthSettings");
            e.HasKey(x => x.NetworkId);
        });
        modelBuilder.Entity<HealthSnapshot>(e =>
        {
            e.ToTable("HealthSnapshots");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasIndex(x => new { x.NetworkId, x.ProjectId, x.Month, x.Key }).IsUnique();
        });
        modelBuilder.Entity<ReportingDate>(e =>
        {
            e.ToTable("ReportingDates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.SubmittedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.ProjectId, x.DueDate });
            e.HasIndex(x => x.DueDate);
        });
        modelBuilder.Entity<ReportReminder>(e =>
        {
            e.ToTable("ReportReminders");
            e.HasKey(x => new { x.ReportingDateId, x.PersonId });
        });
        modelBuilder.IdsAreMadeInCode(typeof(MonitoringDbContext).Assembly);
    }
}

internal sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options) : MonitoringDbContext(options);

internal sealed class PostgresMonitoringDbContext(DbContextOptions<PostgresMonitoringDbContext> options) : MonitoringDbContext(options);

internal sealed class SqliteMonitoringDbContextFactory : SqliteDesignTimeFactory<SqliteMonitoringDbContext>;

internal sealed class PostgresMonitoringDbContextFactory() : PostgresDesignTimeFactory<PostgresMonitoringDbContext>("Monitoring");
