using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Surveys.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DropSurveyLinkBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinkBase",
                table: "Surveys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkBase",
                table: "Surveys",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }
    }
}
