using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Portal.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HandledBy",
                table: "feedback",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandledBy",
                table: "feedback");
        }
    }
}
