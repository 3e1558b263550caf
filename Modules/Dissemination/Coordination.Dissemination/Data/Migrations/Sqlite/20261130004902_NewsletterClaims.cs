using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class NewsletterClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ClaimedAt",
                table: "NewsletterDeliveries",
                newName: "ClaimedUntil");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "NewsletterIssues",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "NewsletterIssues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "NewsletterIssues",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "NewsletterIssues");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "NewsletterIssues");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "NewsletterIssues");

            migrationBuilder.RenameColumn(
                name: "ClaimedUntil",
                table: "NewsletterDeliveries",
                newName: "ClaimedAt");
        }
    }
}
