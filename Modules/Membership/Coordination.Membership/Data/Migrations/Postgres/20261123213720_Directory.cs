using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Membership.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FundingProgramme",
                schema: "membership",
                table: "Networks",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // Networks that existed before phases start as forming.
            migrationBuilder.AddColumn<string>(
                name: "Phase",
                schema: "membership",
                table: "Networks",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Forming");

            migrationBuilder.CreateTable(
                name: "Goals",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    FocusArea = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Objective = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Activities = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Results = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Monitoring = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    LastReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkPhaseChanges",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkPhaseChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkPhaseChanges_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalSchema: "membership",
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkRules",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkRules_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalSchema: "membership",
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkThemes",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameFi = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkThemes_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalSchema: "membership",
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BusinessId = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingGroups",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MemberIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkingGroups_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalSchema: "membership",
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalRevisions",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FocusArea = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Objective = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Activities = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Results = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Monitoring = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalRevisions_Goals_GoalId",
                        column: x => x.GoalId,
                        principalSchema: "membership",
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RulesAcceptances",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RulesId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RulesAcceptances_NetworkRules_RulesId",
                        column: x => x.RulesId,
                        principalSchema: "membership",
                        principalTable: "NetworkRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "People",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalSchema: "membership",
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FundingDecisionNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    GrantedAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    OwnFinancing = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ThemeIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalSchema: "membership",
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalSchema: "membership",
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoordinatorTerms",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatorTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinatorTerms_WorkingGroups_GroupId",
                        column: x => x.GroupId,
                        principalSchema: "membership",
                        principalTable: "WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonRoles",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonRoles_People_PersonId",
                        column: x => x.PersonId,
                        principalSchema: "membership",
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "membership",
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentLetters",
                schema: "membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tasks = table.Column<List<string>>(type: "text[]", nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentLetters_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "membership",
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectPartners",
                schema: "membership",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectPartners", x => new { x.ProjectId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ProjectPartners_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalSchema: "membership",
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectPartners_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "membership",
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_ProjectId",
                schema: "membership",
                table: "BudgetLines",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentLetters_ProjectId_OrganisationId",
                schema: "membership",
                table: "CommitmentLetters",
                columns: new[] { "ProjectId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorTerms_GroupId",
                schema: "membership",
                table: "CoordinatorTerms",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalRevisions_GoalId",
                schema: "membership",
                table: "GoalRevisions",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_NetworkId",
                schema: "membership",
                table: "Goals",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_ProjectId",
                schema: "membership",
                table: "Goals",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkPhaseChanges_NetworkId",
                schema: "membership",
                table: "NetworkPhaseChanges",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRules_NetworkId_Number",
                schema: "membership",
                table: "NetworkRules",
                columns: new[] { "NetworkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkThemes_NetworkId",
                schema: "membership",
                table: "NetworkThemes",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_BusinessId",
                schema: "membership",
                table: "Organisations",
                column: "BusinessId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                schema: "membership",
                table: "People",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Name",
                schema: "membership",
                table: "People",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId",
                schema: "membership",
                table: "People",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_PersonId",
                schema: "membership",
                table: "PersonRoles",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_ProjectId",
                schema: "membership",
                table: "PersonRoles",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectPartners_OrganisationId",
                schema: "membership",
                table: "ProjectPartners",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_EndDate",
                schema: "membership",
                table: "Projects",
                column: "EndDate");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_LeadOrganisationId",
                schema: "membership",
                table: "Projects",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_NetworkId",
                schema: "membership",
                table: "Projects",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_RulesAcceptances_RulesId_OrganisationId",
                schema: "membership",
                table: "RulesAcceptances",
                columns: new[] { "RulesId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroups_NetworkId",
                schema: "membership",
                table: "WorkingGroups",
                column: "NetworkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetLines",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "CommitmentLetters",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "CoordinatorTerms",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "GoalRevisions",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "NetworkPhaseChanges",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "NetworkThemes",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "PersonRoles",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "ProjectPartners",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "RulesAcceptances",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "WorkingGroups",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "Goals",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "People",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "Projects",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "NetworkRules",
                schema: "membership");

            migrationBuilder.DropTable(
                name: "Organisations",
                schema: "membership");

            migrationBuilder.DropColumn(
                name: "FundingProgramme",
                schema: "membership",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "Phase",
                schema: "membership",
                table: "Networks");
        }
    }
}
