using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Documents.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatusConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
