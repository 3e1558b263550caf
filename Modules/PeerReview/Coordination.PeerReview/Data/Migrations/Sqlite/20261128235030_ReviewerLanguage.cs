using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.PeerReview.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ReviewerLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Reviewers",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "fi");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "People",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "fi");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Reviewers");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "People");
        }
    }
}
