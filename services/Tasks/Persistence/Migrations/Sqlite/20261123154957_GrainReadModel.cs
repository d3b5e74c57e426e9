using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Tasks.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GrainReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueSoonFrom",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Percent",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "tasks",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "pending_task_creations",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewTaskJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_task_creations", x => x.TaskId);
                });

            migrationBuilder.CreateTable(
                name: "task_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_notifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_AssignedBy",
                table: "tasks",
                column: "AssignedBy");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_State_Deadline",
                table: "tasks",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_task_notifications_SentAtUtc",
                table: "task_notifications",
                column: "SentAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_task_notifications_TaskId_Kind_Deadline",
                table: "task_notifications",
                columns: new[] { "TaskId", "Kind", "Deadline" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_task_creations");

            migrationBuilder.DropTable(
                name: "task_notifications");

            migrationBuilder.DropIndex(
                name: "IX_tasks_AssignedBy",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "IX_tasks_State_Deadline",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "DueSoonFrom",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Percent",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "tasks");
        }
    }
}
