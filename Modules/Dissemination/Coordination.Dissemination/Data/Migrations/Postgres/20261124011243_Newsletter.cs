using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Newsletter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NewsletterIssues",
                schema: "dissemination",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubjectEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EditorialFi = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    EditorialSv = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    EditorialEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    IncludeModels = table.Column<bool>(type: "boolean", nullable: false),
                    IncludePosts = table.Column<bool>(type: "boolean", nullable: false),
                    IncludeNetworkMembers = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HtmlFi = table.Column<string>(type: "text", nullable: true),
                    TextFi = table.Column<string>(type: "text", nullable: true),
                    HtmlSv = table.Column<string>(type: "text", nullable: true),
                    TextSv = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterTemplates",
                schema: "dissemination",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterDeliveries",
                schema: "dissemination",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsletterDeliveries_NewsletterIssues_IssueId",
                        column: x => x.IssueId,
                        principalSchema: "dissemination",
                        principalTable: "NewsletterIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_ClaimId",
                schema: "dissemination",
                table: "NewsletterDeliveries",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_IssueId_Email",
                schema: "dissemination",
                table: "NewsletterDeliveries",
                columns: new[] { "IssueId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_IssueId_Status",
                schema: "dissemination",
                table: "NewsletterDeliveries",
                columns: new[] { "IssueId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterIssues_Status_ScheduledAt",
                schema: "dissemination",
                table: "NewsletterIssues",
                columns: new[] { "Status", "ScheduledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewsletterDeliveries",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "NewsletterTemplates",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "NewsletterIssues",
                schema: "dissemination");
        }
    }
}
