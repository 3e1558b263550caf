using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Data;

internal class MembershipDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Membership";

    public DbSet<Network> Networks => Set<Network>();

    public DbSet<NetworkTheme> Themes => Set<NetworkTheme>();

    public DbSet<NetworkPhaseChange> PhaseChanges => Set<NetworkPhaseChange>();

    public DbSet<NetworkRules> Rules => Set<NetworkRules>();

    public DbSet<RulesAcceptance> RulesAcceptances => Set<RulesAcceptance>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectPartner> ProjectPartners => Set<ProjectPartner>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonRoleAssignment> PersonRoles => Set<PersonRoleAssignment>();

    public DbSet<CommitmentLetter> CommitmentLetters => Set<CommitmentLetter>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<ProjectPlan> Plans => Set<ProjectPlan>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Network>(e =>
        {
            e.ToTable("Networks");
            e.HasKey(x => x.Id);
            e.OwnsLocalizedText(x => x.Name, "Name", 200);
            e.OwnsLocalizedText(x => x.Description, "Description", 4000);
            e.Property(x => x.NormalizedName).HasMaxLength(200);
            e.HasIndex(x => x.NormalizedName).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.FundingProgramme).HasMaxLength(300);
            e.HasMany(x => x.Themes).WithOne().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.PhaseChanges).WithOne().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Rules).WithOne().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<NetworkTheme>(e =>
        {
            e.ToTable("NetworkThemes");
            e.OwnsLocalizedText(x => x.Name, "Name", 100);
        });
        modelBuilder.Entity<NetworkPhaseChange>(e =>
        {
            e.ToTable("NetworkPhaseChanges");
            e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.ChangedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<NetworkRules>(e =>
        {
            e.ToTable("NetworkRules");
            e.HasIndex(x => new { x.NetworkId, x.Number }).IsUnique();
            e.Property(x => x.Text).HasMaxLength(20000);
            e.HasMany(x => x.Acceptances).WithOne().HasForeignKey(a => a.RulesId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RulesAcceptance>(e =>
        {
            e.ToTable("RulesAcceptances");
            e.HasIndex(x => new { x.RulesId, x.OrganisationId }).IsUnique();
            e.Property(x => x.AcceptedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("Organisations");
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.BusinessId).HasMaxLength(9);
            e.HasIndex(x => x.BusinessId).IsUnique();
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Municipality).HasMaxLength(100);
        });
        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("Projects");
            e.HasOne<Network>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Acronym).HasMaxLength(50);
            e.Property(x => x.FundingDecisionNumber).HasMaxLength(50);
            e.Property(x => x.GrantedAmount).HasPrecision(14, 2);
            e.Property(x => x.OwnFinancing).HasPrecision(14, 2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.EndDate);
            e.HasMany(x => x.Partners).WithOne().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Budget).WithOne().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectPartner>(e =>
        {
            e.ToTable("ProjectPartners");
            e.HasKey(x => new { x.ProjectId, x.OrganisationId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<BudgetLine>(e =>
        {
            e.ToTable("BudgetLines");
            e.Property(x => x.Category).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Amount).HasPrecision(14, 2);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProjectPlan>(e =>
        {
            e.ToTable("ProjectPlans");
            e.HasKey(x => x.ProjectId);
            e.HasOne<Project>().WithOne().HasForeignKey<ProjectPlan>(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            foreach (var name in new[] { nameof(ProjectPlan.CallName), nameof(ProjectPlan.OtherPartners), nameof(ProjectPlan.FocusAreas), nameof(ProjectPlan.Attachments) })
            {
                e.Property(name).HasMaxLength(ProjectPlanLimits.Long);
            }

            foreach (var name in new[] { nameof(ProjectPlan.CallPeriod), nameof(ProjectPlan.OwnerType), nameof(ProjectPlan.PostalAddress), nameof(ProjectPlan.PostOffice), nameof(ProjectPlan.LanguageOfBusiness) })
            {
                e.Property(name).HasMaxLength(ProjectPlanLimits.Short);
            }

            e.Property(x => x.CallCaseNumber).HasMaxLength(50);
            e.HasIndex(x => x.CallCaseNumber);
            e.Property(x => x.ApplicantEmail).HasMaxLength(254);
            e.Property(x => x.PostalCode).HasMaxLength(20);
            foreach (var name in new[] { nameof(ProjectPlan.Summary), nameof(ProjectPlan.Need), nameof(ProjectPlan.PreviousWork), nameof(ProjectPlan.TargetGroups), nameof(ProjectPlan.Involvement), nameof(ProjectPlan.Equality), nameof(ProjectPlan.Uptake) })
            {
                e.Property(name).HasMaxLength(ProjectPlanLimits.Text);
            }

            e.Property(x => x.Signatories).AsJsonList().HasColumnName("SignatoriesJson");
            e.Property(x => x.OtherAnswers).AsJsonList().HasColumnName("OtherAnswersJson");
            e.Property(x => x.GrantByFocusArea).AsJsonList().HasColumnName("GrantByFocusAreaJson");
            e.Property(x => x.OtherFinancing).AsJsonList().HasColumnName("OtherFinancingJson");
            e.Property(x => x.Partners).AsJsonList().HasColumnName("PartnersJson");
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("People");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasIndex(x => x.Email).IsUnique();
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.Language).HasMaxLength(2);
            e.HasIndex(x => x.Name);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Roles).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PersonRoleAssignment>(e =>
        {
            e.ToTable("PersonRoles");
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(x => x.ProjectId);
        });
        modelBuilder.Entity<CommitmentLetter>(e =>
        {
            e.ToTable("CommitmentLetters");
            e.HasIndex(x => new { x.ProjectId, x.OrganisationId }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.SignedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Goal>(e =>
        {
            e.ToTable("Goals");
            e.Property(x => x.FocusArea).HasMaxLength(300);
            e.Property(x => x.Objective).HasMaxLength(4000);
            e.Property(x => x.Activities).HasMaxLength(8000);
            e.Property(x => x.Results).HasMaxLength(8000);
            e.Property(x => x.Monitoring).HasMaxLength(8000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.NetworkId);
            e.HasIndex(x => x.ProjectId);
            e.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GoalRevision>(e =>
        {
            e.ToTable("GoalRevisions");
            e.Property(x => x.FocusArea).HasMaxLength(300);
            e.Property(x => x.Objective).HasMaxLength(4000);
            e.Property(x => x.Activities).HasMaxLength(8000);
            e.Property(x => x.Results).HasMaxLength(8000);
            e.Property(x => x.Monitoring).HasMaxLength(8000);
            e.Property(x => x.EditedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<WorkingGroup>(e =>
        {
            e.ToTable("WorkingGroups");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Theme).HasMaxLength(200);
            e.HasOne<Network>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.CoordinatorTerms).WithOne().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CoordinatorTerm>(e => e.ToTable("CoordinatorTerms"));

        modelBuilder.IdsAreMadeInCode(typeof(Network).Assembly);
    }
}

internal sealed class SqliteMembershipDbContext(DbContextOptions<SqliteMembershipDbContext> options) : MembershipDbContext(options);

internal sealed class PostgresMembershipDbContext(DbContextOptions<PostgresMembershipDbContext> options) : MembershipDbContext(options);

internal sealed class SqliteMembershipDbContextFactory : SqliteDesignTimeFactory<SqliteMembershipDbContext>;

internal sealed class PostgresMembershipDbContextFactory() : PostgresDesignTimeFactory<PostgresMembershipDbContext>("Membership");
