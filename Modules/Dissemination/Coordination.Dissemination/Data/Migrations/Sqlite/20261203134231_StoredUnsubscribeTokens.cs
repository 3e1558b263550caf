using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class StoredUnsubscribeTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UnsubscribeToken",
                table: "Subscribers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Every existing subscriber gets a token of their own (32 hex digits, as new ones get)
            // before the unique index; links in issues already sent stay valid (SubscriptionLinks).
            migrationBuilder.Sql("""
                UPDATE "Subscribers" SET "UnsubscribeToken" = lower(hex(randomblob(16)));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_UnsubscribeToken",
                table: "Subscribers",
                column: "UnsubscribeToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Subscribers_UnsubscribeToken",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "UnsubscribeToken",
                table: "Subscribers");
        }
    }
}
