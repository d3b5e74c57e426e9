using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Gazette.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IssuesSignaturesDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "DocumentId",
                table: "gazette_entries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "AnnouncedState",
                table: "gazette_entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "OnTime");

            migrationBuilder.AddColumn<Guid>(
                name: "IssueId",
                table: "gazette_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuingBody",
                table: "gazette_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "gazette_entries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OriginalFileId",
                table: "gazette_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalFileName",
                table: "gazette_entries",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishBy",
                table: "gazette_entries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "gazette_entries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SendBy",
                table: "gazette_entries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<bool>(
                name: "SentLate",
                table: "gazette_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "gazette_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "gazette_entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Platform");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "gazette_entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Received");

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "gazette_entries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "gazette_entries",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "gazette_entry_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_entry_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gazette_entry_history_gazette_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "gazette_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gazette_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gazette_issues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    FirstNumber = table.Column<int>(type: "integer", nullable: true),
                    NumberCount = table.Column<int>(type: "integer", nullable: false),
                    PublishedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CorrectsIssueId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PdfFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignatureFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gazette_issue_documents",
                columns: table => new
                {
                    IssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PdfFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignatureFileId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_issue_documents", x => new { x.IssueId, x.EntryId });
                    table.ForeignKey(
                        name: "FK_gazette_issue_documents_gazette_issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "gazette_issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gazette_entries_ReceivedDate",
                table: "gazette_entries",
                column: "ReceivedDate");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_entries_Status",
                table: "gazette_entries",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_entry_history_EntryId",
                table: "gazette_entry_history",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_issue_documents_EntryId",
                table: "gazette_issue_documents",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_issues_Year_FirstNumber",
                table: "gazette_issues",
                columns: new[] { "Year", "FirstNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gazette_entry_history");

            migrationBuilder.DropTable(
                name: "gazette_files");

            migrationBuilder.DropTable(
                name: "gazette_issue_documents");

            migrationBuilder.DropTable(
                name: "gazette_issues");

            migrationBuilder.DropIndex(
                name: "IX_gazette_entries_ReceivedDate",
                table: "gazette_entries");

            migrationBuilder.DropIndex(
                name: "IX_gazette_entries_Status",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "AnnouncedState",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "IssueId",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "IssuingBody",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "OriginalFileId",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "OriginalFileName",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "PublishBy",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "SendBy",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "SentLate",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "SignerName",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "gazette_entries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "gazette_entries");

            migrationBuilder.AlterColumn<Guid>(
                name: "DocumentId",
                table: "gazette_entries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
