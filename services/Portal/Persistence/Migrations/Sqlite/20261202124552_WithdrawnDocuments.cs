using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Portal.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WithdrawnDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "public_documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBecause",
                table: "public_documents",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "public_documents");

            migrationBuilder.DropColumn(
                name: "WithdrawnBecause",
                table: "public_documents");
        }
    }
}
