using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ModelFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpAt",
                table: "Models",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpInUse",
                table: "Models",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpMonths",
                table: "Models",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpOrganisations",
                table: "Models",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpReason",
                table: "Models",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpUse",
                table: "Models",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FollowUpWaveId",
                table: "Models",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpAt",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpInUse",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpMonths",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpOrganisations",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpReason",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpUse",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FollowUpWaveId",
                table: "Models");
        }
    }
}
