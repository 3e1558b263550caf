using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class DropSurveyLinkBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinkBase",
                schema: "surveys",
                table: "Surveys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkBase",
                schema: "surveys",
                table: "Surveys",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }
    }
}
