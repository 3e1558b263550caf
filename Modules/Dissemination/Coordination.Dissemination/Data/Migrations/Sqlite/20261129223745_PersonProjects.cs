using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PersonProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectsJson",
                table: "People",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Until a person's next update brings all their roles, the projects they manage are
            // the ones known to be theirs.
            migrationBuilder.Sql("""
                UPDATE "People" SET "ProjectsJson" = "ManagedProjectsJson";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProjectsJson",
                table: "People");
        }
    }
}
