using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Newsletter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NewsletterIssues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubjectEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EditorialFi = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EditorialSv = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EditorialEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    IncludeModels = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncludePosts = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncludeNetworkMembers = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HtmlFi = table.Column<string>(type: "TEXT", nullable: true),
                    TextFi = table.Column<string>(type: "TEXT", nullable: true),
                    HtmlSv = table.Column<string>(type: "TEXT", nullable: true),
                    TextSv = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsletterDeliveries_NewsletterIssues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "NewsletterIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_ClaimId",
                table: "NewsletterDeliveries",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_IssueId_Email",
                table: "NewsletterDeliveries",
                columns: new[] { "IssueId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_IssueId_Status",
                table: "NewsletterDeliveries",
                columns: new[] { "IssueId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterIssues_Status_ScheduledAt",
                table: "NewsletterIssues",
                columns: new[] { "Status", "ScheduledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewsletterDeliveries");

            migrationBuilder.DropTable(
                name: "NewsletterTemplates");

            migrationBuilder.DropTable(
                name: "NewsletterIssues");
        }
    }
}
