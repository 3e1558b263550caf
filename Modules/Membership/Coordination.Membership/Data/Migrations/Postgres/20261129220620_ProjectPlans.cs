using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Membership.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ProjectPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NameGuessed",
                schema: "membership",
                table: "People",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                schema: "membership",
                table: "Organisations",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2)",
                oldMaxLength: 2);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                schema: "membership",
                table: "BudgetLines",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                schema: "membership",
                table: "BudgetLines",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProjectPlans",
                schema: "membership",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CallCaseNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CallPeriod = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    OwnerType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PostOffice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignatoriesJson = table.Column<string>(type: "text", nullable: false),
                    FocusAreas = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LanguageOfBusiness = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JointProject = table.Column<bool>(type: "boolean", nullable: true),
                    OtherPartners = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Need = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PreviousWork = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    TargetGroups = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Involvement = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Equality = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Uptake = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    OtherAnswersJson = table.Column<string>(type: "text", nullable: false),
                    NationalCoordination = table.Column<bool>(type: "boolean", nullable: true),
                    Attachments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VatIncluded = table.Column<bool>(type: "boolean", nullable: true),
                    GrantByFocusAreaJson = table.Column<string>(type: "text", nullable: false),
                    OtherFinancingJson = table.Column<string>(type: "text", nullable: false),
                    PartnersJson = table.Column<string>(type: "text", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPlans", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_ProjectPlans_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "membership",
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_OrganisationId",
                schema: "membership",
                table: "BudgetLines",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPlans_CallCaseNumber",
                schema: "membership",
                table: "ProjectPlans",
                column: "CallCaseNumber");

            migrationBuilder.AddForeignKey(
                name: "FK_BudgetLines_Organisations_OrganisationId",
                schema: "membership",
                table: "BudgetLines",
                column: "OrganisationId",
                principalSchema: "membership",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BudgetLines_Organisations_OrganisationId",
                schema: "membership",
                table: "BudgetLines");

            migrationBuilder.DropTable(
                name: "ProjectPlans",
                schema: "membership");

            migrationBuilder.DropIndex(
                name: "IX_BudgetLines_OrganisationId",
                schema: "membership",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "NameGuessed",
                schema: "membership",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Description",
                schema: "membership",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                schema: "membership",
                table: "BudgetLines");

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                schema: "membership",
                table: "Organisations",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(2)",
                oldMaxLength: 2,
                oldNullable: true);
        }
    }
}
