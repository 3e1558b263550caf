using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Surveys.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganisationsJson",
                table: "Projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpWaves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectEndedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpWaves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Models",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Models", x => x.ModelId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WaveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InUseAtJson = table.Column<string>(type: "TEXT", nullable: false),
                    RootedInJson = table.Column<string>(type: "TEXT", nullable: false),
                    SpreadCount = table.Column<int>(type: "INTEGER", nullable: true),
                    SpreadNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Changed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Helps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Hinders = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpAnswers_FollowUpWaves_WaveId",
                        column: x => x.WaveId,
                        principalTable: "FollowUpWaves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WaveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpRecipients_FollowUpWaves_WaveId",
                        column: x => x.WaveId,
                        principalTable: "FollowUpWaves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAnswers_WaveId_OrganisationId",
                table: "FollowUpAnswers",
                columns: new[] { "WaveId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRecipients_WaveId_Email",
                table: "FollowUpRecipients",
                columns: new[] { "WaveId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpWaves_ProjectId_ModelId_Months",
                table: "FollowUpWaves",
                columns: new[] { "ProjectId", "ModelId", "Months" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpWaves_Status_DueOn",
                table: "FollowUpWaves",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Models_ProjectId",
                table: "Models",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpAnswers");

            migrationBuilder.DropTable(
                name: "FollowUpRecipients");

            migrationBuilder.DropTable(
                name: "Models");

            migrationBuilder.DropTable(
                name: "FollowUpWaves");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "OrganisationsJson",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "People");
        }
    }
}
