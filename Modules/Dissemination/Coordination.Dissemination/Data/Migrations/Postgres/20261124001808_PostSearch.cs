using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class PostSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                schema: "dissemination",
                table: "Posts",
                type: "text",
                nullable: false,
                defaultValue: "");
        
            migrationBuilder.Sql("CREATE INDEX \"IX_Posts_SearchText_trgm\" ON dissemination.\"Posts\" USING gin (\"SearchText\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS dissemination.\"IX_Posts_SearchText_trgm\";");

            migrationBuilder.DropColumn(
                name: "SearchText",
                schema: "dissemination",
                table: "Posts");
        }
    }
}
