using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Events.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class EventFeedbackAnswered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FeedbackAnsweredAt",
                schema: "events",
                table: "Events",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeedbackAnsweredAt",
                schema: "events",
                table: "Events");
        }
    }
}
