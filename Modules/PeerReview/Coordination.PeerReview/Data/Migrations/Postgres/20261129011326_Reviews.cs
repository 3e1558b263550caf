using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.PeerReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Events",
                schema: "peerreview",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    TitleFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "People",
                schema: "peerreview",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "fi"),
                    ProjectIdsJson = table.Column<string>(type: "text", nullable: false),
                    ManagedProjectsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                schema: "peerreview",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OrganisationIdsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRequests",
                schema: "peerreview",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationIdsJson = table.Column<string>(type: "text", nullable: false),
                    TitleFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
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
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRequests", x => x.ModelId);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                schema: "peerreview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewersPerSubmission = table.Column<int>(type: "integer", nullable: false),
                    MaxReviewsPerReviewer = table.Column<int>(type: "integer", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ShowReviewerNames = table.Column<bool>(type: "boolean", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    CriteriaJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reviewers",
                schema: "peerreview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, defaultValue: "fi"),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationIdsJson = table.Column<string>(type: "text", nullable: false),
                    ConflictProjectIdsJson = table.Column<string>(type: "text", nullable: false),
                    ConflictOrganisationIdsJson = table.Column<string>(type: "text", nullable: false),
                    Volunteered = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviewers_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalSchema: "peerreview",
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                schema: "peerreview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationIdsJson = table.Column<string>(type: "text", nullable: false),
                    TitleFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
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
                    ModelVersion = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Feedback = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    FeedbackReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RoundTableNotes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RoundTableOutcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Submissions_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalSchema: "peerreview",
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                schema: "peerreview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Manual = table.Column<bool>(type: "boolean", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WeekReminderAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DayReminderAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Reviewers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalSchema: "peerreview",
                        principalTable: "Reviewers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalSchema: "peerreview",
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                schema: "peerreview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScoresJson = table.Column<string>(type: "text", nullable: false),
                    Strengths = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Suggestions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Transferability = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Assignments_Id",
                        column: x => x.Id,
                        principalSchema: "peerreview",
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ReviewerId",
                schema: "peerreview",
                table: "Assignments",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_RoundId_ReviewerId",
                schema: "peerreview",
                table: "Assignments",
                columns: new[] { "RoundId", "ReviewerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_SubmissionId_ReviewerId",
                schema: "peerreview",
                table: "Assignments",
                columns: new[] { "SubmissionId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                schema: "peerreview",
                table: "People",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Reviewers_Email",
                schema: "peerreview",
                table: "Reviewers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Reviewers_RoundId_Email",
                schema: "peerreview",
                table: "Reviewers",
                columns: new[] { "RoundId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SubmissionId_Status",
                schema: "peerreview",
                table: "Reviews",
                columns: new[] { "SubmissionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ModelId",
                schema: "peerreview",
                table: "Submissions",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_RoundId_ModelId",
                schema: "peerreview",
                table: "Submissions",
                columns: new[] { "RoundId", "ModelId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Events",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "People",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "Projects",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "ReviewRequests",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "Reviews",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "Assignments",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "Reviewers",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "Submissions",
                schema: "peerreview");

            migrationBuilder.DropTable(
                name: "Rounds",
                schema: "peerreview");
        }
    }
}
