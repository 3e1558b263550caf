using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Events.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class EventProject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SteeringGroupProjectIdsJson",
                schema: "events",
                table: "People",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                schema: "events",
                table: "Events",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Projects",
                schema: "events",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.ProjectId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ProjectId",
                schema: "events",
                table: "Events",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_NetworkId",
                schema: "events",
                table: "Projects",
                column: "NetworkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Projects",
                schema: "events");

            migrationBuilder.DropIndex(
                name: "IX_Events_ProjectId",
                schema: "events",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "SteeringGroupProjectIdsJson",
                schema: "events",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                schema: "events",
                table: "Events");
        }
    }
}
