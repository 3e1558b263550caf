using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
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
                schema: "dissemination",
                table: "Models");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Status_PublishedAt_Id",
                schema: "dissemination",
                table: "Models",
                columns: new[] { "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateTable(
                name: "ModelThemes",
                schema: "dissemination",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Theme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelThemes", x => new { x.ModelId, x.Theme });
                    table.ForeignKey(
                        name: "FK_ModelThemes_Models_ModelId",
                        column: x => x.ModelId,
                        principalSchema: "dissemination",
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelThemes_Theme_ModelId",
                schema: "dissemination",
                table: "ModelThemes",
                columns: new[] { "Theme", "ModelId" });

            // The themes as the saver keeps them, from the "|theme|other|" index (lower case) written before this migration.
            migrationBuilder.Sql("""
                INSERT INTO dissemination."ModelThemes" ("ModelId", "Theme")
                SELECT DISTINCT m."Id", t FROM dissemination."Models" m, unnest(string_to_array(trim(both '|' from m."ThemeIndex"), '|')) t
                WHERE t <> '';
                """);

            migrationBuilder.DropColumn(
                name: "ThemeIndex",
                schema: "dissemination",
                table: "Models");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Models_Status_PublishedAt_Id",
                schema: "dissemination",
                table: "Models");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Status_PublishedAt",
                schema: "dissemination",
                table: "Models",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.AddColumn<string>(
                name: "ThemeIndex",
                schema: "dissemination",
                table: "Models",
                type: "character varying(2200)",
                maxLength: 2200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE dissemination."Models" m SET "ThemeIndex" = '|' || coalesce((SELECT string_agg(t."Theme", '|') FROM dissemination."ModelThemes" t WHERE t."ModelId" = m."Id"), '') || '|';
                """);

            migrationBuilder.DropTable(
                name: "ModelThemes",
                schema: "dissemination");
        }
    }
}
