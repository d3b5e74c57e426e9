using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Documents.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutgoingDocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExchangeDocumentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecipientCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Recall = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BusinessKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "received_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SenderCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    NumberAndCode = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    PageAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SenderReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReplacesDocumentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PackageSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateBeforeRecall = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StateAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IncomingDocumentId = table.Column<Guid>(type: "TEXT", nullable: true)
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
