using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Events.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class KnownPeopleProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                schema: "events",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectIdsJson",
                schema: "events",
                table: "People",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                schema: "events",
                table: "People",
                column: "Email");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Email",
                schema: "events",
                table: "People");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                schema: "events",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ProjectIdsJson",
                schema: "events",
                table: "People");
        }
    }
}
