using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class SurveyDraft : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                schema: "surveys",
                table: "Surveys",
                type: "timestamp with time zone",
                nullable: true);

            // Surveys made before drafts existed were open from the start: they stay so.
            migrationBuilder.Sql("UPDATE surveys.\"Surveys\" SET \"PublishedAt\" = \"CreatedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedAt",
                schema: "surveys",
                table: "Surveys");
        }
    }
}
