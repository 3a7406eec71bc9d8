using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NgTradingBot.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartitionedTicksEquityAndQuoteAges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "quotes_changed_at",
                table: "connections",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "equity_sampled_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "equity_samples",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    balance = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    equity = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    margin = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    free_margin = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    floating_profit = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("equity_samples_pkey", x => new { x.account_id, x.at });
                    table.ForeignKey(
                        name: "equity_samples_account_id_fkey",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "equity_samples_at",
                table: "equity_samples",
                column: "at");

            // Ticks become a table partitioned by the UTC day Core received them, so retention drops whole days
            // instead of deleting rows. The ticks stored so far become one partition (dropped once its last day is
            // past retention); an empty table is simply replaced. Later days are created ahead by Core (TickPartitions).
            migrationBuilder.Sql("""
                ALTER TABLE ticks RENAME TO ticks_unpartitioned;
                ALTER INDEX ticks_account_time RENAME TO ticks_unpartitioned_account_time;
                ALTER INDEX ticks_symbol_time RENAME TO ticks_unpartitioned_symbol_time;
                ALTER TABLE ticks_unpartitioned RENAME CONSTRAINT ticks_account_id_fkey TO ticks_unpartitioned_account_id_fkey;
                CREATE TABLE ticks (
                    account_id bigint NOT NULL,
                    symbol text NOT NULL,
                    bid numeric(24,8) NOT NULL,
                    ask numeric(24,8) NOT NULL,
                    volume bigint NOT NULL DEFAULT 0,
                    broker_time bigint NOT NULL,
                    tick_time timestamp with time zone NOT NULL,
                    received_at timestamp with time zone NOT NULL DEFAULT now(),
                    CONSTRAINT ticks_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id)
                ) PARTITION BY RANGE (received_at);
                CREATE INDEX ticks_account_time ON ticks (account_id, tick_time);
                CREATE INDEX ticks_symbol_time ON ticks (symbol, tick_time);
                DO $$
                DECLARE
                    today date := (now() AT TIME ZONE 'UTC')::date;
                    tomorrow text := to_char(today + 1, 'YYYY-MM-DD') || ' 00:00:00+00';
                BEGIN
                    IF EXISTS (SELECT FROM ticks_unpartitioned) THEN
                        -- The check lets ATTACH skip its own validating scan under the stronger lock.
                        EXECUTE format('ALTER TABLE ticks_unpartitioned ADD CONSTRAINT ticks_unpartitioned_bound CHECK (received_at < %L)', tomorrow);
                        EXECUTE format('ALTER TABLE ticks ATTACH PARTITION ticks_unpartitioned FOR VALUES FROM (MINVALUE) TO (%L)', tomorrow);
                        ALTER TABLE ticks_unpartitioned DROP CONSTRAINT ticks_unpartitioned_bound;
                        EXECUTE format('ALTER TABLE ticks_unpartitioned RENAME TO %I', 'ticks_before_' || to_char(today + 1, 'YYYYMMDD'));
                    ELSE
                        DROP TABLE ticks_unpartitioned;
                        EXECUTE format('CREATE TABLE %I PARTITION OF ticks FOR VALUES FROM (%L) TO (%L)', 'ticks_p' || to_char(today, 'YYYYMMDD'),
                            to_char(today, 'YYYY-MM-DD') || ' 00:00:00+00', tomorrow);
                    END IF;
                    EXECUTE format('CREATE TABLE %I PARTITION OF ticks FOR VALUES FROM (%L) TO (%L)', 'ticks_p' || to_char(today + 1, 'YYYYMMDD'),
                        tomorrow, to_char(today + 2, 'YYYY-MM-DD') || ' 00:00:00+00');
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE ticks_unpartitioned (LIKE ticks INCLUDING DEFAULTS);
                INSERT INTO ticks_unpartitioned SELECT * FROM ticks;
                DROP TABLE ticks;
                ALTER TABLE ticks_unpartitioned RENAME TO ticks;
                ALTER TABLE ticks ADD CONSTRAINT ticks_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);
                CREATE INDEX ticks_account_time ON ticks (account_id, tick_time);
                CREATE INDEX ticks_symbol_time ON ticks (symbol, tick_time);
                """);

            migrationBuilder.DropTable(
                name: "equity_samples");

            migrationBuilder.DropColumn(
                name: "quotes_changed_at",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "equity_sampled_at",
                table: "accounts");
        }
    }
}
