using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgTradingBot.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StrategyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "strategy_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    prefix = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    scopes = table.Column<string[]>(type: "text[]", nullable: false),
                    logins = table.Column<long[]>(type: "bigint[]", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    rotated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("strategy_keys_pkey", x => x.id);
                    table.CheckConstraint("strategy_keys_scopes_check", "scopes <@ ARRAY['trade', 'read']::text[] AND cardinality(scopes) > 0");
                });

            migrationBuilder.CreateIndex(
                name: "strategy_keys_hash_key",
                table: "strategy_keys",
                column: "hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_keys");
        }
    }
}
