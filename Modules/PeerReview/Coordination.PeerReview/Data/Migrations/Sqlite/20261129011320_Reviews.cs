using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.PeerReview.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false, defaultValue: "fi"),
                    ProjectIdsJson = table.Column<string>(type: "TEXT", nullable: false),
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
                    OrganisationIdsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRequests",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
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
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRequests", x => x.ModelId);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewersPerSubmission = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxReviewsPerReviewer = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ShowReviewerNames = table.Column<bool>(type: "INTEGER", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CriteriaJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reviewers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false, defaultValue: "fi"),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConflictProjectIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConflictOrganisationIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Volunteered = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviewers_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
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
                    ModelVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    FeedbackReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RoundTableNotes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RoundTableOutcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Submissions_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Manual = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WeekReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DayReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Reviewers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "Reviewers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScoresJson = table.Column<string>(type: "TEXT", nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Transferability = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Assignments_Id",
                        column: x => x.Id,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ReviewerId",
                table: "Assignments",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_RoundId_ReviewerId",
                table: "Assignments",
                columns: new[] { "RoundId", "ReviewerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_SubmissionId_ReviewerId",
                table: "Assignments",
                columns: new[] { "SubmissionId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Reviewers_Email",
                table: "Reviewers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Reviewers_RoundId_Email",
                table: "Reviewers",
                columns: new[] { "RoundId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SubmissionId_Status",
                table: "Reviews",
                columns: new[] { "SubmissionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ModelId",
                table: "Submissions",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_RoundId_ModelId",
                table: "Submissions",
                columns: new[] { "RoundId", "ModelId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "ReviewRequests");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "Reviewers");

            migrationBuilder.DropTable(
                name: "Submissions");

            migrationBuilder.DropTable(
                name: "Rounds");
        }
    }
}
