using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Reporting.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventLogAndFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "EventId",
                table: "task_facts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceDocumentId",
                table: "task_facts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "EventId",
                table: "document_facts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<bool>(
                name: "ForGazette",
                table: "document_facts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "assignment_facts",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadUnit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_facts", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "event_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "feedback_facts",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_facts", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "gazette_publication_facts",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_publication_facts", x => new { x.EventId, x.DocumentId });
                });

            migrationBuilder.CreateTable(
                name: "report_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scope = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GeneratedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "task_alert_facts",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Alert = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_alert_facts", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "task_status_facts",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_status_facts", x => x.EventId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_task_facts_Day",
                table: "task_facts",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_facts_DocumentId",
                table: "assignment_facts",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_event_log_EventId",
                table: "event_log",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_facts_Day",
                table: "feedback_facts",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_publication_facts_PublishedDate",
                table: "gazette_publication_facts",
                column: "PublishedDate");

            migrationBuilder.CreateIndex(
                name: "IX_report_snapshots_PeriodKey_Scope",
                table: "report_snapshots",
                columns: new[] { "PeriodKey", "Scope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_task_alert_facts_Day_TaskId",
                table: "task_alert_facts",
                columns: new[] { "Day", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_task_status_facts_Day_TaskId",
                table: "task_status_facts",
                columns: new[] { "Day", "TaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignment_facts");

            migrationBuilder.DropTable(
                name: "event_log");

            migrationBuilder.DropTable(
                name: "feedback_facts");

            migrationBuilder.DropTable(
                name: "gazette_publication_facts");

            migrationBuilder.DropTable(
                name: "report_snapshots");

            migrationBuilder.DropTable(
                name: "task_alert_facts");

            migrationBuilder.DropTable(
                name: "task_status_facts");

            migrationBuilder.DropIndex(
                name: "IX_task_facts_Day",
                table: "task_facts");

            migrationBuilder.DropColumn(
                name: "SourceDocumentId",
                table: "task_facts");

            migrationBuilder.DropColumn(
                name: "ForGazette",
                table: "document_facts");

            migrationBuilder.AlterColumn<string>(
                name: "EventId",
                table: "task_facts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "EventId",
                table: "document_facts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);
        }
    }
}
