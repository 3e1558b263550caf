using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class NewsletterClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ClaimedAt",
                schema: "dissemination",
                table: "NewsletterDeliveries",
                newName: "ClaimedUntil");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                schema: "dissemination",
                table: "NewsletterIssues",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                schema: "dissemination",
                table: "NewsletterIssues",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                schema: "dissemination",
                table: "NewsletterIssues",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                schema: "dissemination",
                table: "NewsletterIssues");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                schema: "dissemination",
                table: "NewsletterIssues");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                schema: "dissemination",
                table: "NewsletterIssues");

            migrationBuilder.RenameColumn(
                name: "ClaimedUntil",
                schema: "dissemination",
                table: "NewsletterDeliveries",
                newName: "ClaimedAt");
        }
    }
}
