using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class StoredUnsubscribeTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UnsubscribeToken",
                schema: "dissemination",
                table: "Subscribers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Every existing subscriber gets a token of their own (32 hex digits, as new ones get)
            // before the unique index; links in issues already sent stay valid (SubscriptionLinks).
            migrationBuilder.Sql("""
                UPDATE dissemination."Subscribers" SET "UnsubscribeToken" = replace(gen_random_uuid()::text, '-', '');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_UnsubscribeToken",
                schema: "dissemination",
                table: "Subscribers",
                column: "UnsubscribeToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Subscribers_UnsubscribeToken",
                schema: "dissemination",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "UnsubscribeToken",
                schema: "dissemination",
                table: "Subscribers");
        }
    }
}
