using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Membership.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ProjectPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NameGuessed",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "Organisations",
                type: "TEXT",
                maxLength: 2,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 2);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "BudgetLines",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                table: "BudgetLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProjectPlans",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CallCaseNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CallPeriod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PostOffice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignatoriesJson = table.Column<string>(type: "TEXT", nullable: false),
                    FocusAreas = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LanguageOfBusiness = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JointProject = table.Column<bool>(type: "INTEGER", nullable: true),
                    OtherPartners = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Need = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PreviousWork = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    TargetGroups = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Involvement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Equality = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Uptake = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OtherAnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    NationalCoordination = table.Column<bool>(type: "INTEGER", nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VatIncluded = table.Column<bool>(type: "INTEGER", nullable: true),
                    GrantByFocusAreaJson = table.Column<string>(type: "TEXT", nullable: false),
                    OtherFinancingJson = table.Column<string>(type: "TEXT", nullable: false),
                    PartnersJson = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPlans", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_ProjectPlans_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_OrganisationId",
                table: "BudgetLines",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPlans_CallCaseNumber",
                table: "ProjectPlans",
                column: "CallCaseNumber");

            migrationBuilder.AddForeignKey(
                name: "FK_BudgetLines_Organisations_OrganisationId",
                table: "BudgetLines",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BudgetLines_Organisations_OrganisationId",
                table: "BudgetLines");

            migrationBuilder.DropTable(
                name: "ProjectPlans");

            migrationBuilder.DropIndex(
                name: "IX_BudgetLines_OrganisationId",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "NameGuessed",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "BudgetLines");

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "Organisations",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 2,
                oldNullable: true);
        }
    }
}
