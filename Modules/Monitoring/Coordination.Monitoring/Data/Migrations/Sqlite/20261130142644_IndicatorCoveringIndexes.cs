using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Monitoring.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class IndicatorCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HeldEventFacts_NetworkId_StartsAt",
                table: "HeldEventFacts");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceProjectFacts_NetworkId_StartsAt",
                table: "AttendanceProjectFacts");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceFacts_NetworkId_StartsAt",
                table: "AttendanceFacts");

            migrationBuilder.CreateIndex(
                name: "IX_HeldEventFacts_NetworkId_StartsAt_Type_Month_Participants",
                table: "HeldEventFacts",
                columns: new[] { "NetworkId", "StartsAt", "Type", "Month", "Participants" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_NetworkId_StartsAt_ProjectId_AttendeeKey_EventId",
                table: "AttendanceProjectFacts",
                columns: new[] { "NetworkId", "StartsAt", "ProjectId", "AttendeeKey", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_NetworkId_StartsAt_Month_AttendeeKey_OrganisationKey",
                table: "AttendanceFacts",
                columns: new[] { "NetworkId", "StartsAt", "Month", "AttendeeKey", "OrganisationKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HeldEventFacts_NetworkId_StartsAt_Type_Month_Participants",
                table: "HeldEventFacts");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceProjectFacts_NetworkId_StartsAt_ProjectId_AttendeeKey_EventId",
                table: "AttendanceProjectFacts");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceFacts_NetworkId_StartsAt_Month_AttendeeKey_OrganisationKey",
                table: "AttendanceFacts");

            migrationBuilder.CreateIndex(
                name: "IX_HeldEventFacts_NetworkId_StartsAt",
                table: "HeldEventFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_NetworkId_StartsAt",
                table: "AttendanceProjectFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_NetworkId_StartsAt",
                table: "AttendanceFacts",
                columns: new[] { "NetworkId", "StartsAt" });
        }
    }
}
