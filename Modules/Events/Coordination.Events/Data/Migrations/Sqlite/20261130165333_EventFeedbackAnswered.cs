using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Events.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class EventFeedbackAnswered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FeedbackAnsweredAt",
                table: "Events",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeedbackAnsweredAt",
                table: "Events");
        }
    }
}
