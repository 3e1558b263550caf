using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Monitoring.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "NetworkFacts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameSv",
                table: "NetworkFacts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AttendanceFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttendeeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceProjectFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttendeeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceProjectFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeldEventFacts",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldEventFacts", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "ModelFacts",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FirstPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelFacts", x => x.ModelId);
                });

            migrationBuilder.CreateTable(
                name: "ModelReviewFacts",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RoundName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reviews = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageScore = table.Column<double>(type: "REAL", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelReviewFacts", x => new { x.ModelId, x.RoundId });
                });

            migrationBuilder.CreateTable(
                name: "NewsletterIssueFacts",
                columns: table => new
                {
                    IssueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SubjectSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterIssueFacts", x => x.IssueId);
                });

            migrationBuilder.CreateTable(
                name: "PersonFacts",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonFacts", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "PersonRoleFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonRoleFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PostFacts",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostFacts", x => x.PostId);
                });

            migrationBuilder.CreateTable(
                name: "ProjectFacts",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectFacts", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "ProjectOrganisationFacts",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectOrganisationFacts", x => new { x.ProjectId, x.OrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "ReportingDates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingDates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportReminders",
                columns: table => new
                {
                    ReportingDateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportReminders", x => new { x.ReportingDateId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "SubscriptionFacts",
                columns: table => new
                {
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriptionFacts", x => x.SubscriptionId);
                });

            migrationBuilder.CreateTable(
                name: "SurveyFacts",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Template = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Invited = table.Column<int>(type: "INTEGER", nullable: false),
                    Responses = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyFacts", x => x.SurveyId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_EventId_AttendeeKey",
                table: "AttendanceFacts",
                columns: new[] { "EventId", "AttendeeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_NetworkId_StartsAt",
                table: "AttendanceFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_PersonId",
                table: "AttendanceFacts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_EventId_AttendeeKey_ProjectId",
                table: "AttendanceProjectFacts",
                columns: new[] { "EventId", "AttendeeKey", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_NetworkId_StartsAt",
                table: "AttendanceProjectFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_PersonId",
                table: "AttendanceProjectFacts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_HeldEventFacts_NetworkId_StartsAt",
                table: "HeldEventFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelFacts_NetworkId",
                table: "ModelFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelReviewFacts_ReviewedAt",
                table: "ModelReviewFacts",
                column: "ReviewedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterIssueFacts_SentAt",
                table: "NewsletterIssueFacts",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_PersonFacts_Email",
                table: "PersonFacts",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoleFacts_PersonId",
                table: "PersonRoleFacts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoleFacts_Role_ProjectId",
                table: "PersonRoleFacts",
                columns: new[] { "Role", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostFacts_PublishedAt",
                table: "PostFacts",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFacts_NetworkId",
                table: "ProjectFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingDates_DueDate",
                table: "ReportingDates",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingDates_ProjectId_DueDate",
                table: "ReportingDates",
                columns: new[] { "ProjectId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyFacts_NetworkId_ClosedAt",
                table: "SurveyFacts",
                columns: new[] { "NetworkId", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceFacts");

            migrationBuilder.DropTable(
                name: "AttendanceProjectFacts");

            migrationBuilder.DropTable(
                name: "HeldEventFacts");

            migrationBuilder.DropTable(
                name: "ModelFacts");

            migrationBuilder.DropTable(
                name: "ModelReviewFacts");

            migrationBuilder.DropTable(
                name: "NewsletterIssueFacts");

            migrationBuilder.DropTable(
                name: "PersonFacts");

            migrationBuilder.DropTable(
                name: "PersonRoleFacts");

            migrationBuilder.DropTable(
                name: "PostFacts");

            migrationBuilder.DropTable(
                name: "ProjectFacts");

            migrationBuilder.DropTable(
                name: "ProjectOrganisationFacts");

            migrationBuilder.DropTable(
                name: "ReportingDates");

            migrationBuilder.DropTable(
                name: "ReportReminders");

            migrationBuilder.DropTable(
                name: "SubscriptionFacts");

            migrationBuilder.DropTable(
                name: "SurveyFacts");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "NetworkFacts");

            migrationBuilder.DropColumn(
                name: "NameSv",
                table: "NetworkFacts");
        }
    }
}
