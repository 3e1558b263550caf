using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Monitoring.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                schema: "monitoring",
                table: "NetworkFacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameSv",
                schema: "monitoring",
                table: "NetworkFacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AttendanceFacts",
                schema: "monitoring",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttendeeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceProjectFacts",
                schema: "monitoring",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttendeeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceProjectFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeldEventFacts",
                schema: "monitoring",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TitleFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldEventFacts", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "ModelFacts",
                schema: "monitoring",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    TitleFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FirstPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelFacts", x => x.ModelId);
                });

            migrationBuilder.CreateTable(
                name: "ModelReviewFacts",
                schema: "monitoring",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RoundName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reviews = table.Column<int>(type: "integer", nullable: false),
                    AverageScore = table.Column<double>(type: "double precision", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelReviewFacts", x => new { x.ModelId, x.RoundId });
                });

            migrationBuilder.CreateTable(
                name: "NewsletterIssueFacts",
                schema: "monitoring",
                columns: table => new
                {
                    IssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SubjectSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterIssueFacts", x => x.IssueId);
                });

            migrationBuilder.CreateTable(
                name: "PersonFacts",
                schema: "monitoring",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonFacts", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "PersonRoleFacts",
                schema: "monitoring",
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
                    table.PrimaryKey("PK_PersonRoleFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PostFacts",
                schema: "monitoring",
                columns: table => new
                {
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    TitleFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostFacts", x => x.PostId);
                });

            migrationBuilder.CreateTable(
                name: "ProjectFacts",
                schema: "monitoring",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectFacts", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "ProjectOrganisationFacts",
                schema: "monitoring",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectOrganisationFacts", x => new { x.ProjectId, x.OrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "ReportingDates",
                schema: "monitoring",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingDates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportReminders",
                schema: "monitoring",
                columns: table => new
                {
                    ReportingDateId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportReminders", x => new { x.ReportingDateId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "SubscriptionFacts",
                schema: "monitoring",
                columns: table => new
                {
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriptionFacts", x => x.SubscriptionId);
                });

            migrationBuilder.CreateTable(
                name: "SurveyFacts",
                schema: "monitoring",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    TitleFi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Template = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    Invited = table.Column<int>(type: "integer", nullable: false),
                    Responses = table.Column<int>(type: "integer", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyFacts", x => x.SurveyId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_EventId_AttendeeKey",
                schema: "monitoring",
                table: "AttendanceFacts",
                columns: new[] { "EventId", "AttendeeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_NetworkId_StartsAt",
                schema: "monitoring",
                table: "AttendanceFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceFacts_PersonId",
                schema: "monitoring",
                table: "AttendanceFacts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_EventId_AttendeeKey_ProjectId",
                schema: "monitoring",
                table: "AttendanceProjectFacts",
                columns: new[] { "EventId", "AttendeeKey", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_NetworkId_StartsAt",
                schema: "monitoring",
                table: "AttendanceProjectFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceProjectFacts_PersonId",
                schema: "monitoring",
                table: "AttendanceProjectFacts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_HeldEventFacts_NetworkId_StartsAt",
                schema: "monitoring",
                table: "HeldEventFacts",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelFacts_NetworkId",
                schema: "monitoring",
                table: "ModelFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelReviewFacts_ReviewedAt",
                schema: "monitoring",
                table: "ModelReviewFacts",
                column: "ReviewedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterIssueFacts_SentAt",
                schema: "monitoring",
                table: "NewsletterIssueFacts",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_PersonFacts_Email",
                schema: "monitoring",
                table: "PersonFacts",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoleFacts_PersonId",
                schema: "monitoring",
                table: "PersonRoleFacts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoleFacts_Role_ProjectId",
                schema: "monitoring",
                table: "PersonRoleFacts",
                columns: new[] { "Role", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostFacts_PublishedAt",
                schema: "monitoring",
                table: "PostFacts",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFacts_NetworkId",
                schema: "monitoring",
                table: "ProjectFacts",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingDates_DueDate",
                schema: "monitoring",
                table: "ReportingDates",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingDates_ProjectId_DueDate",
                schema: "monitoring",
                table: "ReportingDates",
                columns: new[] { "ProjectId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyFacts_NetworkId_ClosedAt",
                schema: "monitoring",
                table: "SurveyFacts",
                columns: new[] { "NetworkId", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "AttendanceProjectFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "HeldEventFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "ModelFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "ModelReviewFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "NewsletterIssueFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "PersonFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "PersonRoleFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "PostFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "ProjectFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "ProjectOrganisationFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "ReportingDates",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "ReportReminders",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "SubscriptionFacts",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "SurveyFacts",
                schema: "monitoring");

            migrationBuilder.DropColumn(
                name: "NameEn",
                schema: "monitoring",
                table: "NetworkFacts");

            migrationBuilder.DropColumn(
                name: "NameSv",
                schema: "monitoring",
                table: "NetworkFacts");
        }
    }
}
