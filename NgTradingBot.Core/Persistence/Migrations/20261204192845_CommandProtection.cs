using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgTradingBot.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CommandProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "protection",
                table: "commands",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "protection",
                table: "commands");
        }
    }
}
