using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Dissemination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class MethodBank : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Models",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SummaryFi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummarySv = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChallengeFi = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ChallengeSv = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ChallengeEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MethodFi = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    MethodSv = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MethodEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResultFi = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ResultSv = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResultEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    TargetGroupFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TargetGroupSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TargetGroupEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ResourcesNeededFi = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResourcesNeededSv = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResourcesNeededEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ThemesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    LinksJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PeerReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpertReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedForReviewAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    ThemeIndex = table.Column<string>(type: "TEXT", maxLength: 2200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Networks",
                columns: table => new
                {
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Networks", x => x.NetworkId);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ManagedProjectsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OrganisationsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "ModelAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelAttachments_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelRelations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelRelations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelRelations_Models_FromModelId",
                        column: x => x.FromModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModelRelations_Models_ToModelId",
                        column: x => x.ToModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelVersions_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelAttachments_ModelId",
                table: "ModelAttachments",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelRelations_FromModelId_ToModelId",
                table: "ModelRelations",
                columns: new[] { "FromModelId", "ToModelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelRelations_ToModelId",
                table: "ModelRelations",
                column: "ToModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Models_NetworkId",
                table: "Models",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_Models_ProjectId",
                table: "Models",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Status_PublishedAt",
                table: "Models",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_ModelId_Version",
                table: "ModelVersions",
                columns: new[] { "ModelId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email");
        
            // Search: an FTS5 table with the trigram tokenizer finds compound words by their
            // parts; triggers keep it in the same transaction as the model.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ModelSearch USING fts5(ModelId UNINDEXED, SearchText, tokenize = 'trigram');");
            migrationBuilder.Sql("CREATE TRIGGER Models_search_insert AFTER INSERT ON Models BEGIN INSERT INTO ModelSearch (ModelId, SearchText) VALUES (new.Id, new.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER Models_search_update AFTER UPDATE OF SearchText ON Models BEGIN DELETE FROM ModelSearch WHERE ModelId = old.Id; INSERT INTO ModelSearch (ModelId, SearchText) VALUES (new.Id, new.SearchText); END;");
            migrationBuilder.Sql("CREATE TRIGGER Models_search_delete AFTER DELETE ON Models BEGIN DELETE FROM ModelSearch WHERE ModelId = old.Id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Models_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Models_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Models_search_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ModelSearch;");

            migrationBuilder.DropTable(
                name: "ModelAttachments");

            migrationBuilder.DropTable(
                name: "ModelRelations");

            migrationBuilder.DropTable(
                name: "ModelVersions");

            migrationBuilder.DropTable(
                name: "Networks");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Models");
        }
    }
}
