using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Monitoring.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class NetworkHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GoalFacts",
                schema: "monitoring",
                columns: table => new
                {
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Objective = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalFacts", x => x.GoalId);
                });

            migrationBuilder.CreateTable(
                name: "HealthSettings",
                schema: "monitoring",
                columns: table => new
                {
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityWeeks = table.Column<int>(type: "integer", nullable: false),
                    RotationMonths = table.Column<int>(type: "integer", nullable: false),
                    GoalMonths = table.Column<int>(type: "integer", nullable: false),
                    TrustMonths = table.Column<int>(type: "integer", nullable: false),
                    KnowledgeMonths = table.Column<int>(type: "integer", nullable: false),
                    MotivationMonths = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSettings", x => x.NetworkId);
                });

            migrationBuilder.CreateTable(
                name: "HealthSnapshots",
                schema: "monitoring",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LetterFacts",
                schema: "monitoring",
                columns: table => new
                {
                    LetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskCount = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignerNamed = table.Column<bool>(type: "boolean", nullable: false),
                    SignerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterFacts", x => x.LetterId);
                });

            migrationBuilder.CreateTable(
                name: "RulesAcceptanceFacts",
                schema: "monitoring",
                columns: table => new
                {
                    RulesId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesAcceptanceFacts", x => new { x.RulesId, x.OrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "RulesFacts",
                schema: "monitoring",
                columns: table => new
                {
                    RulesId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesFacts", x => x.RulesId);
                });

            migrationBuilder.CreateTable(
                name: "SurveyStatementFacts",
                schema: "monitoring",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TextFi = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextSv = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    N = table.Column<int>(type: "integer", nullable: false),
                    Mean = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyStatementFacts", x => new { x.SurveyId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "WorkingGroupFacts",
                schema: "monitoring",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CoordinatorPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroupFacts", x => x.GroupId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoalFacts_NetworkId",
                schema: "monitoring",
                table: "GoalFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalFacts_ProjectId",
                schema: "monitoring",
                table: "GoalFacts",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_NetworkId_ProjectId_Month_Key",
                schema: "monitoring",
                table: "HealthSnapshots",
                columns: new[] { "NetworkId", "ProjectId", "Month", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LetterFacts_ProjectId_OrganisationId",
                schema: "monitoring",
                table: "LetterFacts",
                columns: new[] { "ProjectId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_RulesFacts_NetworkId",
                schema: "monitoring",
                table: "RulesFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroupFacts_NetworkId",
                schema: "monitoring",
                table: "WorkingGroupFacts",
                column: "NetworkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoalFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "HealthSettings",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "HealthSnapshots",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "LetterFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "RulesAcceptanceFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "RulesFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "SurveyStatementFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "WorkingGroupFacts",
                schema: "monitoring");
        }
    }
}
