using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NgTradingBot.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConnectionHealthAndTradeCloseParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "connections_state_check",
                table: "connections");

            // Nothing ever wrote health_reason; health_reasons (a list) replaces it.
            migrationBuilder.DropColumn(
                name: "health_reason",
                table: "connections");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "missing_since",
                table: "trades",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "realized_profit",
                table: "trades",
                type: "numeric(20,2)",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "broker_time",
                table: "connections",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "broker_time_moved_at",
                table: "connections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "consecutive_failures",
                table: "connections",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "health_checked_at",
                table: "connections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "health_reasons",
                table: "connections",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<double>(
                name: "heartbeat_latency_ms",
                table: "connections",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_healthy",
                table: "connections",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_request_at",
                table: "connections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ticks_received",
                table: "connections",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "trade_close_parts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    ticket = table.Column<long>(type: "bigint", nullable: false),
                    close_time_broker = table.Column<long>(type: "bigint", nullable: false),
                    close_price = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    profit = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    commission = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    swap = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    close_reason = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("trade_close_parts_pkey", x => x.id);
                    table.ForeignKey(
                        name: "trade_close_parts_trade_fkey",
                        columns: x => new { x.account_id, x.ticket },
                        principalTable: "trades",
                        principalColumns: new[] { "account_id", "ticket" });
                });

            // The schema allowed 'stale' (nothing wrote it): it is what 'degraded' means now.
            migrationBuilder.Sql("UPDATE connections SET state = 'degraded' WHERE state = 'stale';");

            migrationBuilder.AddCheckConstraint(
                name: "connections_state_check",
                table: "connections",
                sql: "state IN ('connected', 'degraded', 'disconnected', 'failed')");

            migrationBuilder.CreateIndex(
                name: "trade_close_parts_deal",
                table: "trade_close_parts",
                columns: new[] { "account_id", "ticket", "close_time_broker", "close_price", "profit" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trade_close_parts");

            migrationBuilder.DropCheckConstraint(
                name: "connections_state_check",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "missing_since",
                table: "trades");

            migrationBuilder.DropColumn(
                name: "realized_profit",
                table: "trades");

            migrationBuilder.DropColumn(
                name: "broker_time",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "broker_time_moved_at",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "consecutive_failures",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "health_checked_at",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "health_reasons",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "heartbeat_latency_ms",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "is_healthy",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "last_request_at",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "ticks_received",
                table: "connections");

            migrationBuilder.AddColumn<string>(
                name: "health_reason",
                table: "connections",
                type: "text",
                nullable: true);

            migrationBuilder.Sql("UPDATE connections SET state = 'stale' WHERE state IN ('degraded', 'failed');");

            migrationBuilder.AddCheckConstraint(
                name: "connections_state_check",
                table: "connections",
                sql: "state IN ('connected', 'stale', 'disconnected')");
        }
    }
}
