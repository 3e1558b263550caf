using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                schema: "surveys",
                table: "Projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganisationsJson",
                schema: "surveys",
                table: "Projects",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                schema: "surveys",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpWaves",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    ProjectEndedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SkipReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpWaves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Models",
                schema: "surveys",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    TitleFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Models", x => x.ModelId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpAnswers",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WaveId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Use = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InUseAtJson = table.Column<string>(type: "text", nullable: false),
                    RootedInJson = table.Column<string>(type: "text", nullable: false),
                    SpreadCount = table.Column<int>(type: "integer", nullable: true),
                    SpreadNames = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Changed = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Helps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Hinders = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpAnswers_FollowUpWaves_WaveId",
                        column: x => x.WaveId,
                        principalSchema: "surveys",
                        principalTable: "FollowUpWaves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRecipients",
                schema: "surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WaveId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpRecipients_FollowUpWaves_WaveId",
                        column: x => x.WaveId,
                        principalSchema: "surveys",
                        principalTable: "FollowUpWaves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAnswers_WaveId_OrganisationId",
                schema: "surveys",
                table: "FollowUpAnswers",
                columns: new[] { "WaveId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRecipients_WaveId_Email",
                schema: "surveys",
                table: "FollowUpRecipients",
                columns: new[] { "WaveId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpWaves_ProjectId_ModelId_Months",
                schema: "surveys",
                table: "FollowUpWaves",
                columns: new[] { "ProjectId", "ModelId", "Months" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpWaves_Status_DueOn",
                schema: "surveys",
                table: "FollowUpWaves",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Models_ProjectId",
                schema: "surveys",
                table: "Models",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpAnswers",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "FollowUpRecipients",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "Models",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "FollowUpWaves",
                schema: "surveys");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                schema: "surveys",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "OrganisationsJson",
                schema: "surveys",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                schema: "surveys",
                table: "People");
        }
    }
}
