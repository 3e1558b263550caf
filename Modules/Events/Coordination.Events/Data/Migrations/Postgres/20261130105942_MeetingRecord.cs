using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Events.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class MeetingRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "events",
                table: "People",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "fi");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                schema: "events",
                table: "People",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SteeringGroupNetworkIdsJson",
                schema: "events",
                table: "People",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Agenda",
                schema: "events",
                table: "Events",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionItems",
                schema: "events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionItems_Events_EventId",
                        column: x => x.EventId,
                        principalSchema: "events",
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionCounters",
                schema: "events",
                columns: table => new
                {
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionCounters", x => new { x.NetworkId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                schema: "events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Events_EventId",
                        column: x => x.EventId,
                        principalSchema: "events",
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Minutes",
                schema: "events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Minutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Minutes_Events_EventId",
                        column: x => x.EventId,
                        principalSchema: "events",
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_EventId",
                schema: "events",
                table: "ActionItems",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_PersonId_Status",
                schema: "events",
                table: "ActionItems",
                columns: new[] { "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_Status_Due",
                schema: "events",
                table: "ActionItems",
                columns: new[] { "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_EventId",
                schema: "events",
                table: "Decisions",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_NetworkId_Year_Number",
                schema: "events",
                table: "Decisions",
                columns: new[] { "NetworkId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Minutes_EventId_Version",
                schema: "events",
                table: "Minutes",
                columns: new[] { "EventId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionItems",
                schema: "events");

            migrationBuilder.DropTable(
                name: "DecisionCounters",
                schema: "events");

            migrationBuilder.DropTable(
                name: "Decisions",
                schema: "events");

            migrationBuilder.DropTable(
                name: "Minutes",
                schema: "events");

            migrationBuilder.DropColumn(
                name: "Language",
                schema: "events",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Name",
                schema: "events",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SteeringGroupNetworkIdsJson",
                schema: "events",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Agenda",
                schema: "events",
                table: "Events");
        }
    }
}
