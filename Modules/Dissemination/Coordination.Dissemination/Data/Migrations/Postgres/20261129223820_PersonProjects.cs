using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class PersonProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectsJson",
                schema: "dissemination",
                table: "People",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            // Until a person's next update brings all their roles, the projects they manage are
            // the ones known to be theirs.
            migrationBuilder.Sql("""
                UPDATE dissemination."People" SET "ProjectsJson" = "ManagedProjectsJson";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProjectsJson",
                schema: "dissemination",
                table: "People");
        }
    }
}
