using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Portal.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicSections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "public_documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SignerPosition",
                table: "public_documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "verification_checked_at",
                table: "public_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verification_message",
                table: "public_documents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "verification_signed_at",
                table: "public_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verification_signer",
                table: "public_documents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "verification_valid",
                table: "public_documents",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentIds",
                table: "gazette_issues",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "consultation_drafts",
                columns: table => new
                {
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DraftingBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_drafts", x => x.DraftId);
                });

            migrationBuilder.CreateTable(
                name: "public_document_files",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_document_files", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_public_document_files_public_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "public_documents",
                        principalColumn: "DocumentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sections",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    LinksText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sections", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "consultation_comments",
                columns: table => new
                {
                    CommentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_comments", x => x.CommentId);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultation_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "consultation_drafts",
                        principalColumn: "DraftId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_DraftId_ReceivedAt",
                table: "consultation_comments",
                columns: new[] { "DraftId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_drafts_ClosesOn",
                table: "consultation_drafts",
                column: "ClosesOn");

            migrationBuilder.CreateIndex(
                name: "IX_public_document_files_DocumentId",
                table: "public_document_files",
                column: "DocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_comments");

            migrationBuilder.DropTable(
                name: "public_document_files");

            migrationBuilder.DropTable(
                name: "sections");

            migrationBuilder.DropTable(
                name: "consultation_drafts");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "SignerPosition",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "verification_checked_at",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "verification_message",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "verification_signed_at",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "verification_signer",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "verification_valid",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "DocumentIds",
                table: "gazette_issues");
        }
    }
}
