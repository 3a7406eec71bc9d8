using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NgTradingBot.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    login = table.Column<long>(type: "bigint", nullable: false),
                    broker = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    enrollment = table.Column<string>(type: "text", nullable: false, defaultValue: "active"),
                    api_key_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    api_key_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    previous_api_key_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    previous_key_valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    balance = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    equity = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    margin = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    free_margin = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    profit_today = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    profit_week = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    profit_month = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    profit_year = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    deposits_today = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    deposits_week = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    deposits_month = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    deposits_year = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    state_broker_time = table.Column<long>(type: "bigint", nullable: true),
                    state_updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("accounts_pkey", x => x.id);
                    table.UniqueConstraint("accounts_login_key", x => x.login);
                    table.CheckConstraint("accounts_enrollment_check", "enrollment IN ('pending', 'active', 'blocked')");
                });

            migrationBuilder.CreateTable(
                name: "broker_symbols",
                columns: table => new
                {
                    broker = table.Column<string>(type: "text", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("broker_symbols_pkey", x => new { x.broker, x.symbol });
                });

            migrationBuilder.CreateTable(
                name: "ingest_failures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    message_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: true),
                    error = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("ingest_failures_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ingest_receipts",
                columns: table => new
                {
                    message_id = table.Column<string>(type: "text", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    kind = table.Column<string>(type: "text", nullable: true),
                    effects = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ingest_receipts_pkey", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "ohlc_bars",
                columns: table => new
                {
                    broker = table.Column<string>(type: "text", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    timeframe = table.Column<string>(type: "text", nullable: false),
                    open_time_broker = table.Column<long>(type: "bigint", nullable: false),
                    open = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    high = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    low = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    close = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    volume = table.Column<long>(type: "bigint", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("ohlc_bars_pkey", x => new { x.broker, x.symbol, x.timeframe, x.open_time_broker });
                    table.CheckConstraint("ohlc_bars_timeframe_check", "timeframe IN ('M1', 'M5', 'M15', 'H1', 'H4', 'D1')");
                });

            migrationBuilder.CreateTable(
                name: "symbol_specs",
                columns: table => new
                {
                    broker = table.Column<string>(type: "text", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    volume_min = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    volume_max = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    volume_step = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    stops_level = table.Column<int>(type: "integer", nullable: true),
                    freeze_level = table.Column<int>(type: "integer", nullable: true),
                    trade_mode = table.Column<int>(type: "integer", nullable: true),
                    digits = table.Column<int>(type: "integer", nullable: true),
                    point = table.Column<decimal>(type: "numeric(24,12)", precision: 24, scale: 12, nullable: true),
                    contract_size = table.Column<decimal>(type: "numeric(24,4)", precision: 24, scale: 4, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("symbol_specs_pkey", x => new { x.broker, x.symbol });
                });

            migrationBuilder.CreateTable(
                name: "account_transactions",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    ticket = table.Column<long>(type: "bigint", nullable: false),
                    transaction_type = table.Column<string>(type: "text", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    broker_time = table.Column<long>(type: "bigint", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    balance = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("account_transactions_pkey", x => new { x.account_id, x.ticket });
                    table.ForeignKey(
                        name: "account_transactions_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    actor = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: true),
                    subject = table.Column<string>(type: "text", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("audit_events_pkey", x => x.id);
                    table.ForeignKey(
                        name: "audit_events_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "commands",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    priority = table.Column<short>(type: "smallint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    flat_json = table.Column<string>(type: "text", nullable: true),
                    idempotency_key = table.Column<string>(type: "text", nullable: true),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_via = table.Column<string>(type: "text", nullable: true),
                    response_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    response_status = table.Column<string>(type: "text", nullable: true),
                    response = table.Column<string>(type: "jsonb", nullable: true),
                    ticket = table.Column<long>(type: "bigint", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("commands_pkey", x => x.id);
                    table.CheckConstraint("commands_priority_check", "priority BETWEEN 0 AND 3");
                    table.CheckConstraint("commands_status_check", "status IN ('PENDING', 'DELIVERED', 'COMPLETED', 'FAILED', 'EXPIRED', 'TIMED_OUT', 'CANCELLED', 'OUTCOME_UNKNOWN')");
                    table.ForeignKey(
                        name: "commands_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "connection_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    @event = table.Column<string>(name: "event", type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("connection_events_pkey", x => x.id);
                    table.ForeignKey(
                        name: "connection_events_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "connections",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    connected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disconnected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_tick_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    remote_address = table.Column<string>(type: "text", nullable: true),
                    heartbeat_count = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    tick_batch_count = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    broker_offset_seconds = table.Column<int>(type: "integer", nullable: true),
                    health_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    health_reason = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("connections_pkey", x => x.account_id);
                    table.CheckConstraint("connections_state_check", "state IN ('connected', 'stale', 'disconnected')");
                    table.ForeignKey(
                        name: "connections_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "ea_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    level = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    details = table.Column<string>(type: "text", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("ea_logs_pkey", x => x.id);
                    table.ForeignKey(
                        name: "ea_logs_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "symbols_subscribed",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("symbols_subscribed_pkey", x => new { x.account_id, x.symbol });
                    table.ForeignKey(
                        name: "symbols_subscribed_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "ticks",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    bid = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    ask = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    volume = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    broker_time = table.Column<long>(type: "bigint", nullable: false),
                    tick_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.ForeignKey(
                        name: "ticks_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "command_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    command_id = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    from_status = table.Column<string>(type: "text", nullable: true),
                    to_status = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("command_events_pkey", x => x.id);
                    table.ForeignKey(
                        name: "command_events_command_id_fkey",
                        column: x => x.command_id,
                        principalTable: "commands",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "trades",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    ticket = table.Column<long>(type: "bigint", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    direction = table.Column<string>(type: "text", nullable: false),
                    volume = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    open_price = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: true),
                    open_time_broker = table.Column<long>(type: "bigint", nullable: true),
                    close_price = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: true),
                    close_time_broker = table.Column<long>(type: "bigint", nullable: true),
                    sl = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: true),
                    tp = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: true),
                    profit = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    commission = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    swap = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    close_reason = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "text", nullable: true),
                    command_id = table.Column<string>(type: "text", nullable: true),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("trades_pkey", x => new { x.account_id, x.ticket });
                    table.CheckConstraint("trades_direction_check", "direction IN ('BUY', 'SELL')");
                    table.CheckConstraint("trades_status_check", "status IN ('open', 'closed')");
                    table.ForeignKey(
                        name: "trades_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "trades_command_id_fkey",
                        column: x => x.command_id,
                        principalTable: "commands",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "audit_events_at",
                table: "audit_events",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "command_events_command",
                table: "command_events",
                columns: new[] { "command_id", "at" });

            // A UNIQUE constraint, as the previous release's schema has it (the model holds it as a unique index:
            // EF keys cannot take the nullable idempotency_key), so both kinds of database are one schema.
            migrationBuilder.Sql("ALTER TABLE commands ADD CONSTRAINT commands_account_id_idempotency_key_key UNIQUE (account_id, idempotency_key)");

            migrationBuilder.CreateIndex(
                name: "commands_account_status",
                table: "commands",
                columns: new[] { "account_id", "status", "priority", "created_at" });

            migrationBuilder.CreateIndex(
                name: "commands_open",
                table: "commands",
                column: "status",
                filter: "status IN ('PENDING', 'DELIVERED', 'OUTCOME_UNKNOWN')");

            migrationBuilder.CreateIndex(
                name: "commands_ticket",
                table: "commands",
                columns: new[] { "account_id", "ticket" },
                filter: "ticket IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "connection_events_account_at",
                table: "connection_events",
                columns: new[] { "account_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ea_logs_account_time",
                table: "ea_logs",
                columns: new[] { "account_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ingest_failures_at",
                table: "ingest_failures",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ingest_receipts_processed_at",
                table: "ingest_receipts",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ohlc_bars_symbol",
                table: "ohlc_bars",
                columns: new[] { "symbol", "timeframe", "open_time_broker" });

            migrationBuilder.CreateIndex(
                name: "ticks_account_time",
                table: "ticks",
                columns: new[] { "account_id", "tick_time" });

            migrationBuilder.CreateIndex(
                name: "ticks_symbol_time",
                table: "ticks",
                columns: new[] { "symbol", "tick_time" });

            migrationBuilder.CreateIndex(
                name: "trades_open",
                table: "trades",
                column: "account_id",
                filter: "status = 'open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_transactions");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "broker_symbols");

            migrationBuilder.DropTable(
                name: "command_events");

            migrationBuilder.DropTable(
                name: "connection_events");

            migrationBuilder.DropTable(
                name: "connections");

            migrationBuilder.DropTable(
                name: "ea_logs");

            migrationBuilder.DropTable(
                name: "ingest_failures");

            migrationBuilder.DropTable(
                name: "ingest_receipts");

            migrationBuilder.DropTable(
                name: "ohlc_bars");

            migrationBuilder.DropTable(
                name: "symbol_specs");

            migrationBuilder.DropTable(
                name: "symbols_subscribed");

            migrationBuilder.DropTable(
                name: "ticks");

            migrationBuilder.DropTable(
                name: "trades");

            migrationBuilder.DropTable(
                name: "commands");

            migrationBuilder.DropTable(
                name: "accounts");
        }
    }
}
