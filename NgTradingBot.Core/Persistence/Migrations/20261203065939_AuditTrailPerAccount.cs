using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgTradingBot.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrailPerAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "audit_events_account_at",
                table: "audit_events",
                columns: new[] { "account_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "audit_events_account_at",
                table: "audit_events");
        }
    }
}
