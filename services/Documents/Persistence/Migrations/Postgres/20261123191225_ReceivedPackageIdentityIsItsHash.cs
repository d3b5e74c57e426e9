using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Documents.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReceivedPackageIdentityIsItsHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_received_packages_DocumentId_Kind",
                table: "received_packages");

            migrationBuilder.CreateIndex(
                name: "IX_received_packages_DocumentId_Kind",
                table: "received_packages",
                columns: new[] { "DocumentId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_received_packages_PackageSha256",
                table: "received_packages",
                column: "PackageSha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_received_packages_DocumentId_Kind",
                table: "received_packages");

            migrationBuilder.DropIndex(
                name: "IX_received_packages_PackageSha256",
                table: "received_packages");

            migrationBuilder.CreateIndex(
                name: "IX_received_packages_DocumentId_Kind",
                table: "received_packages",
                columns: new[] { "DocumentId", "Kind" },
                unique: true);
        }
    }
}
