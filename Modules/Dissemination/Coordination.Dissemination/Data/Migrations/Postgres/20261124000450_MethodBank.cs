using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class MethodBank : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Models",
                schema: "dissemination",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    TitleFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SummaryFi = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SummarySv = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SummaryEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChallengeFi = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ChallengeSv = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ChallengeEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    MethodFi = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    MethodSv = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    MethodEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ResultFi = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ResultSv = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ResultEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    TargetGroupFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TargetGroupSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TargetGroupEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ResourcesNeededFi = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResourcesNeededSv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResourcesNeededEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ThemesJson = table.Column<string>(type: "text", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    LinksJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PeerReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpertReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedForReviewAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    ThemeIndex = table.Column<string>(type: "character varying(2200)", maxLength: 2200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Networks",
                schema: "dissemination",
                columns: table => new
                {
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Networks", x => x.NetworkId);
                });

            migrationBuilder.CreateTable(
                name: "People",
                schema: "dissemination",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ManagedProjectsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                schema: "dissemination",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OrganisationsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "ModelAttachments",
                schema: "dissemination",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelAttachments_Models_ModelId",
                        column: x => x.ModelId,
                        principalSchema: "dissemination",
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelRelations",
                schema: "dissemination",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelRelations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelRelations_Models_FromModelId",
                        column: x => x.FromModelId,
                        principalSchema: "dissemination",
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModelRelations_Models_ToModelId",
                        column: x => x.ToModelId,
                        principalSchema: "dissemination",
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelVersions",
                schema: "dissemination",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelVersions_Models_ModelId",
                        column: x => x.ModelId,
                        principalSchema: "dissemination",
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelAttachments_ModelId",
                schema: "dissemination",
                table: "ModelAttachments",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelRelations_FromModelId_ToModelId",
                schema: "dissemination",
                table: "ModelRelations",
                columns: new[] { "FromModelId", "ToModelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelRelations_ToModelId",
                schema: "dissemination",
                table: "ModelRelations",
                column: "ToModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Models_NetworkId",
                schema: "dissemination",
                table: "Models",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_Models_ProjectId",
                schema: "dissemination",
                table: "Models",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Status_PublishedAt",
                schema: "dissemination",
                table: "Models",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_ModelId_Version",
                schema: "dissemination",
                table: "ModelVersions",
                columns: new[] { "ModelId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                schema: "dissemination",
                table: "People",
                column: "Email");
        
            // Search: a trigram index finds compound words by their parts (ILIKE '%ohjaus%').
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Models_SearchText_trgm\" ON dissemination.\"Models\" USING gin (\"SearchText\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS dissemination.\"IX_Models_SearchText_trgm\";");

            migrationBuilder.DropTable(
                name: "ModelAttachments",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "ModelRelations",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "ModelVersions",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "Networks",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "People",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "Projects",
                schema: "dissemination");

            migrationBuilder.DropTable(
                name: "Models",
                schema: "dissemination");
        }
    }
}
