using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PostSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Posts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        
            // Search over posts as over models: FTS5 trigram table kept by triggers.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE PostSearch USING fts5(PostId UNINDEXED, SearchText, tokenize = 'trigram');");
            migrationBuilder.Sql("INSERT INTO PostSearch (PostId, SearchText) SELECT Id, SearchText FROM Posts;");
            migrationBuilder.Sql("CREATE TRIGGER Posts_search_insert AFTER INSERT ON Posts BEGIN INSERT INTO PostSearch (PostId, SearchText) VALUES (new.Id, new.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER Posts_search_update AFTER UPDATE OF SearchText ON Posts BEGIN DELETE FROM PostSearch WHERE PostId = old.Id; INSERT INTO PostSearch (PostId, SearchText) VALUES (new.Id, new.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER Posts_search_delete AFTER DELETE ON Posts BEGIN DELETE FROM PostSearch WHERE PostId = old.Id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Posts_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Posts_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Posts_search_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS PostSearch;");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Posts");
        }
    }
}
