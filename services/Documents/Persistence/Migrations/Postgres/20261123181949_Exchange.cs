using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Documents.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Exchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OutgoingDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExchangeDocumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecipientCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatusAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Recall = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uuid", nullable: true),
                    BusinessKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "received_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SenderCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SenderName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    NumberAndCode = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    PageAmount = table.Column<int>(type: "integer", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SenderReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReplacesDocumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PackageSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StateBeforeRecall = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StateAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IncomingDocumentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_received_packages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_deliveries_ExchangeDocumentId_RecipientCode",
                table: "exchange_deliveries",
                columns: new[] { "ExchangeDocumentId", "RecipientCode" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_deliveries_OutgoingDocumentId_RecipientCode",
                table: "exchange_deliveries",
                columns: new[] { "OutgoingDocumentId", "RecipientCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_messages_CompletedAtUtc_NextAttemptUtc",
                table: "exchange_messages",
                columns: new[] { "CompletedAtUtc", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_messages_DeliveryId",
                table: "exchange_messages",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_received_packages_DocumentId_Kind",
                table: "received_packages",
                columns: new[] { "DocumentId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_received_packages_IncomingDocumentId",
                table: "received_packages",
                column: "IncomingDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_received_packages_State_ReceivedAtUtc",
                table: "received_packages",
                columns: new[] { "State", "ReceivedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_deliveries");

            migrationBuilder.DropTable(
                name: "exchange_messages");

            migrationBuilder.DropTable(
                name: "received_packages");
        }
    }
}
