using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Documents.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutgoingDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsMain = table.Column<bool>(type: "boolean", nullable: false),
                    ExtractedText = table.Column<string>(type: "text", nullable: true),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorUnit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "document_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignerSubject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CertificateThumbprint = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Cms = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_signatures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Secrecy = table.Column<int>(type: "integer", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    IsLegalNormative = table.Column<bool>(type: "boolean", nullable: false),
                    DraftingUnit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DraftedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<List<string>>(type: "text[]", nullable: false),
                    CopyCount = table.Column<int>(type: "integer", nullable: false),
                    ReplacesId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignerPosition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Series = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    NumberAndCode = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    IssuedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecalledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecalledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecallReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outgoing_documents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attachments_DocumentId",
                table: "attachments",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_DocumentId_AtUtc",
                table: "audit_entries",
                columns: new[] { "DocumentId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_document_signatures_DocumentId",
                table: "document_signatures",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_documents_IssuedAtUtc",
                table: "outgoing_documents",
                column: "IssuedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_documents_ReplacesId",
                table: "outgoing_documents",
                column: "ReplacesId");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_documents_Series_Year_Number",
                table: "outgoing_documents",
                columns: new[] { "Series", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_documents_Year_NumberAndCode",
                table: "outgoing_documents",
                columns: new[] { "Year", "NumberAndCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "document_signatures");

            migrationBuilder.DropTable(
                name: "outgoing_documents");
        }
    }
}
