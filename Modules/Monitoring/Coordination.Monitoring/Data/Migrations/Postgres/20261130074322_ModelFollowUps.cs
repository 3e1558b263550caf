using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Monitoring.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ModelFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ModelFollowUpFacts",
                schema: "monitoring",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Months = table.Column<int>(type: "integer", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Use = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationsInUse = table.Column<int>(type: "integer", nullable: false),
                    Organisations = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelFollowUpFacts", x => new { x.ModelId, x.Months });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelFollowUpFacts_NetworkId",
                schema: "monitoring",
                table: "ModelFollowUpFacts",
                column: "NetworkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelFollowUpFacts",
                schema: "monitoring");
        }
    }
}
