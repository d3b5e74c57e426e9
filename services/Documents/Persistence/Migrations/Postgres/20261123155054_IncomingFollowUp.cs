using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Documents.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncomingFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAtUtc",
                table: "incoming_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DuplicateOf",
                table: "incoming_documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandedOnAtUtc",
                table: "incoming_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandedOnBy",
                table: "incoming_documents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandedOnTo",
                table: "incoming_documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Progress",
                table: "incoming_documents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProgressAtUtc",
                table: "incoming_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyNumberAndCode",
                table: "incoming_documents",
                type: "character varying(42)",
                maxLength: 42,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "incoming_documents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReturnedAtUtc",
                table: "incoming_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_incoming_documents_ArrivedAtUtc",
                table: "incoming_documents",
                column: "ArrivedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_incoming_documents_ArrivedAtUtc",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "CompletedAtUtc",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "DuplicateOf",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "HandedOnAtUtc",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "HandedOnBy",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "HandedOnTo",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "Progress",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "ProgressAtUtc",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "ReplyNumberAndCode",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "incoming_documents");

            migrationBuilder.DropColumn(
                name: "ReturnedAtUtc",
                table: "incoming_documents");
        }
    }
}
