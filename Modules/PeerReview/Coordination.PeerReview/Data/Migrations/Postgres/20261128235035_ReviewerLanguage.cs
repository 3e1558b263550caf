using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.PeerReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ReviewerLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "peerreview",
                table: "Reviewers",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "fi");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "peerreview",
                table: "People",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "fi");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                schema: "peerreview",
                table: "Reviewers");

            migrationBuilder.DropColumn(
                name: "Language",
                schema: "peerreview",
                table: "People");
        }
    }
}
