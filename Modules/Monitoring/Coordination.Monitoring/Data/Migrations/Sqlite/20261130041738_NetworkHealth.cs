using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Monitoring.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class NetworkHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GoalFacts",
                columns: table => new
                {
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalFacts", x => x.GoalId);
                });

            migrationBuilder.CreateTable(
                name: "HealthSettings",
                columns: table => new
                {
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    RotationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    TrustMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    KnowledgeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MotivationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSettings", x => x.NetworkId);
                });

            migrationBuilder.CreateTable(
                name: "HealthSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LetterFacts",
                columns: table => new
                {
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignerNamed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SignerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterFacts", x => x.LetterId);
                });

            migrationBuilder.CreateTable(
                name: "RulesAcceptanceFacts",
                columns: table => new
                {
                    RulesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesAcceptanceFacts", x => new { x.RulesId, x.OrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "RulesFacts",
                columns: table => new
                {
                    RulesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesFacts", x => x.RulesId);
                });

            migrationBuilder.CreateTable(
                name: "SurveyStatementFacts",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TextFi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TextSv = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    N = table.Column<int>(type: "INTEGER", nullable: false),
                    Mean = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyStatementFacts", x => new { x.SurveyId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "WorkingGroupFacts",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CoordinatorPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroupFacts", x => x.GroupId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoalFacts_NetworkId",
                table: "GoalFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalFacts_ProjectId",
                table: "GoalFacts",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_NetworkId_ProjectId_Month_Key",
                table: "HealthSnapshots",
                columns: new[] { "NetworkId", "ProjectId", "Month", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LetterFacts_ProjectId_OrganisationId",
                table: "LetterFacts",
                columns: new[] { "ProjectId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_RulesFacts_NetworkId",
                table: "RulesFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroupFacts_NetworkId",
                table: "WorkingGroupFacts",
                column: "NetworkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoalFacts");

            migrationBuilder.DropTable(
                name: "HealthSettings");

            migrationBuilder.DropTable(
                name: "HealthSnapshots");

            migrationBuilder.DropTable(
                name: "LetterFacts");

            migrationBuilder.DropTable(
                name: "RulesAcceptanceFacts");

            migrationBuilder.DropTable(
                name: "RulesFacts");

            migrationBuilder.DropTable(
                name: "SurveyStatementFacts");

            migrationBuilder.DropTable(
                name: "WorkingGroupFacts");
        }
    }
}
