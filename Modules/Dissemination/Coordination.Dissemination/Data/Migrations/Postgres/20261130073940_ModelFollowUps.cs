using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ModelFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpAt",
                schema: "dissemination",
                table: "Models",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpInUse",
                schema: "dissemination",
                table: "Models",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpMonths",
                schema: "dissemination",
                table: "Models",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpOrganisations",
                schema: "dissemination",
                table: "Models",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpReason",
                schema: "dissemination",
                table: "Models",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpUse",
                schema: "dissemination",
                table: "Models",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FollowUpWaveId",
                schema: "dissemination",
                table: "Models",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpAt",
                schema: "dissemination",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpInUse",
                schema: "dissemination",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpMonths",
                schema: "dissemination",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpOrganisations",
                schema: "dissemination",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpReason",
                schema: "dissemination",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpUse",
                schema: "dissemination",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpWaveId",
                schema: "dissemination",
                table: "Models");
        }
    }
}
