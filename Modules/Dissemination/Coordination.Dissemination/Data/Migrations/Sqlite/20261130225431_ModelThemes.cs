using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ModelThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Covers the published list's order and the ids the theme filter and search look up, so
            // counting a theme's published models reads the index alone, not 100,000 cards.
            migrationBuilder.DropIndex(
                name: "IX_Models_Status_PublishedAt",
                table: "Models");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Status_PublishedAt_Id",
                table: "Models",
                columns: new[] { "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateTable(
                name: "ModelThemes",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelThemes", x => new { x.ModelId, x.Theme });
                    table.ForeignKey(
                        name: "FK_ModelThemes_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelThemes_Theme_ModelId",
                table: "ModelThemes",
                columns: new[] { "Theme", "ModelId" });

            // The themes as the saver keeps them, from the "|theme|other|" index written (in lower
            // case by .NET, which SQLite's lower() is not for ä and ö) before this migration.
            migrationBuilder.Sql("""
                WITH RECURSIVE split(ModelId, rest, theme) AS (
                    SELECT Id, substr(ThemeIndex, 2), NULL FROM Models
                    UNION ALL
                    SELECT ModelId, substr(rest, instr(rest, '|') + 1), substr(rest, 1, instr(rest, '|') - 1) FROM split WHERE instr(rest, '|') > 0)
                INSERT OR IGNORE INTO ModelThemes (ModelId, Theme) SELECT ModelId, theme FROM split WHERE theme <> '';
                """);

            // A native DROP COLUMN: EF's table rebuild would drop the search triggers with the table.
            migrationBuilder.Sql("ALTER TABLE Models DROP COLUMN ThemeIndex;");

            // The search tables hold published rows only, so that a search counts and ranks in its
            // FTS table alone (SearchIndex) and reads only the page's rows.
            foreach (var (table, search, id) in Searched)
            {
                migrationBuilder.Sql($"DROP TRIGGER {table}_search_insert;");
                migrationBuilder.Sql($"DROP TRIGGER {table}_search_update;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} WHEN new.Status = 'Published' BEGIN INSERT INTO {search} ({id}, SearchText) VALUES (new.Id, new.SearchText); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_search_update AFTER UPDATE OF SearchText, Status ON {table} BEGIN DELETE FROM {search} WHERE {id} = old.Id; INSERT INTO {search} ({id}, SearchText) SELECT new.Id, new.SearchText WHERE new.Status = 'Published'; END;");
                migrationBuilder.Sql($"DELETE FROM {search} WHERE {id} NOT IN (SELECT Id FROM {table} WHERE Status = 'Published');");
            }
        }

        private static readonly (string Table, string Search, string Id)[] Searched = [("Models", "ModelSearch", "ModelId"), ("Posts", "PostSearch", "PostId")];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Models_Status_PublishedAt_Id",
                table: "Models");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Status_PublishedAt",
                table: "Models",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.DropTable(
                name: "ModelThemes");

            migrationBuilder.AddColumn<string>(
                name: "ThemeIndex",
                table: "Models",
                type: "TEXT",
                maxLength: 2200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE Models SET ThemeIndex = '|' || lower((SELECT group_concat(value, '|') FROM json_each(Models.ThemesJson))) || '|';");
            foreach (var (table, search, id) in Searched)
            {
                migrationBuilder.Sql($"DROP TRIGGER {table}_search_insert;");
                migrationBuilder.Sql($"DROP TRIGGER {table}_search_update;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN INSERT INTO {search} ({id}, SearchText) VALUES (new.Id, new.SearchText); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_search_update AFTER UPDATE OF SearchText ON {table} BEGIN DELETE FROM {search} WHERE {id} = old.Id; INSERT INTO {search} ({id}, SearchText) VALUES (new.Id, new.SearchText); END;");
                migrationBuilder.Sql($"DELETE FROM {search};");
                migrationBuilder.Sql($"INSERT INTO {search} ({id}, SearchText) SELECT Id, SearchText FROM {table};");
            }
        }
    }
}
